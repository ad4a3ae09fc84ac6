using System.Globalization;
using System.Text;
using Apache.Arrow;

namespace Ingest.Tiers;

/// <summary>One value of an Arrow array as text, for reports (conflict details): a cold path, clarity first.</summary>
public static class ArrowValueFormatter
{
    public static string? Format(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return null;
        return array switch
        {
            StringArray s => s.GetString(row),
            Int32Array i => i.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            Int64Array l => l.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            DoubleArray d => d.GetValue(row)!.Value.ToString("R", CultureInfo.InvariantCulture),
            BooleanArray b => b.GetValue(row)!.Value ? "true" : "false",
            Date32Array date => date.GetDateOnly(row)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimestampArray t => t.GetTimestamp(row)!.Value.ToString("O", CultureInfo.InvariantCulture),
            Decimal128Array m => m.GetString(row),
            BinaryArray bin => Convert.ToHexString(bin.GetBytes(row)),
            ListArray list => FormatList(list, row),
            _ => $"<{array.Data.DataType.Name}>",
        };
    }

    private static string FormatList(ListArray list, int row)
    {
        IArrowArray values = list.Values;
        int start = list.ValueOffsets[row];
        int end = list.ValueOffsets[row + 1];
        var text = new StringBuilder("[");
        for (int i = start; i < end; i++)
        {
            if (i > start) text.Append(", ");
            text.Append(Format(values, i) ?? "null");
        }
        return text.Append(']').ToString();
    }
}
