using System.Globalization;
using System.Text;
using Apache.Arrow;

namespace Ingest.Tiers;

/// <summary>One value of an Arrow array as text, for reports (conflict details): a cold path, clarity first.</summary>
/// <remarks>
/// A scalar reads as itself (<c>09:00</c>, <c>12.50</c>, <c>2025-11-27</c>); a list as <c>[a, b, null]</c>; a struct as
/// <c>{closed: false, open_time: "09:00", tags: ["a", null]}</c>, its strings quoted (so <c>""</c>, <c>"null"</c> and
/// <c>null</c> read apart), and a list of structs as <c>[{…}, null, {…}]</c>. Offsets are honoured: a struct's fields
/// are read at the struct's offset (plus their own), a list's elements at its offsets.
/// </remarks>
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
            ListArray list => AppendList(new StringBuilder(), list, row, quoteStrings: false).ToString(),
            StructArray structArray => AppendStruct(new StringBuilder(), structArray, row).ToString(),
            _ => $"<{array.Data.DataType.Name}>",
        };
    }

    private static StringBuilder AppendList(StringBuilder text, ListArray list, int row, bool quoteStrings)
    {
        IArrowArray values = list.Values;
        ReadOnlySpan<int> offsets = list.ValueOffsets;
        int start = offsets[row];
        int end = offsets[row + 1];
        text.Append('[');
        for (int i = start; i < end; i++)
        {
            if (i > start) text.Append(", ");
            if (quoteStrings) AppendNested(text, values, i);
            else text.Append(Format(values, i) ?? "null");
        }
        return text.Append(']');
    }

    /// <summary><c>{name: value, …}</c> in field order; values as <see cref="AppendNested"/> writes them.</summary>
    private static StringBuilder AppendStruct(StringBuilder text, StructArray structArray, int row)
    {
        var type = (Apache.Arrow.Types.StructType)structArray.Data.DataType;
        IReadOnlyList<IArrowArray> fields = structArray.Fields; // sliced to the struct's offset
        text.Append('{');
        for (int f = 0; f < fields.Count; f++)
        {
            if (f > 0) text.Append(", ");
            text.Append(type.Fields[f].Name).Append(": ");
            AppendNested(text, fields[f], row);
        }
        return text.Append('}');
    }

    /// <summary>A value inside a struct: strings quoted, lists and structs recursively, null as <c>null</c>.</summary>
    private static void AppendNested(StringBuilder text, IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            text.Append("null");
            return;
        }
        switch (array)
        {
            case StringArray s:
                AppendQuoted(text, s.GetString(row));
                break;
            case ListArray list:
                AppendList(text, list, row, quoteStrings: true);
                break;
            case StructArray structArray:
                AppendStruct(text, structArray, row);
                break;
            default:
                text.Append(Format(array, row));
                break;
        }
    }

    private static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
