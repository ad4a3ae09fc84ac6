using System.Globalization;
using Apache.Arrow;

namespace Ingest.Runner;

/// <summary>One Arrow value as short text, for tables shown to people.</summary>
public static class ArrowCell
{
    public static string Format(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return "null";
        string text = array switch
        {
            StringArray strings => strings.GetString(row),
            Int32Array ints => ints.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            Int64Array longs => longs.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            UInt64Array ulongs => ulongs.GetValue(row)!.Value.ToString("x16", CultureInfo.InvariantCulture),
            DoubleArray doubles => doubles.GetValue(row)!.Value.ToString("R", CultureInfo.InvariantCulture),
            Decimal128Array decimals => decimals.GetSqlDecimal(row)!.Value.ToString(),
            BooleanArray bools => bools.GetValue(row)!.Value ? "true" : "false",
            Date32Array dates => dates.GetDateOnly(row)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimestampArray timestamps => timestamps.GetTimestamp(row)!.Value.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            BinaryArray binary => $"<{binary.GetBytes(row).Length:N0} bytes>",
            ListArray list => "[" + string.Join(", ", Enumerable.Range(0, list.GetValueLength(row)).Select(i => Format(list.Values, list.ValueOffsets[row] + i))) + "]",
            _ => array.Data.DataType.Name,
        };
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
