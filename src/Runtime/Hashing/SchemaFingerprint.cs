using System.IO.Hashing;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Hashing;

/// <summary>
/// A short stable hash of an Arrow schema's column names, types (with parameters) and nullability, in order: two
/// partitions with the same fingerprint can be read with one schema.
/// </summary>
public static class SchemaFingerprint
{
    /// <summary>16 lowercase hex digits (XxHash3 of <see cref="Describe(Schema)"/>).</summary>
    public static string Compute(Schema schema) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(Describe(schema))).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text hashed: <c>name:type[?];…</c>, e.g. <c>vin:utf8?;msrp:decimal128(10,2)?</c>.</summary>
    public static string Describe(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder();
        foreach (Field field in schema.FieldsList)
        {
            text.Append(field.Name).Append(':').Append(TypeName(field.DataType));
            if (field.IsNullable) text.Append('?');
            text.Append(';');
        }
        return text.ToString();
    }

    /// <summary>
    /// The type as the manifest and error messages spell it: <c>utf8</c>, <c>timestamp[us, UTC]</c>,
    /// <c>list&lt;int32?&gt;</c>, <c>struct&lt;closed: bool?, hours: list&lt;utf8?&gt;&gt;</c> (a struct's fields in order, with
    /// their names, types and nullability; a name with characters other than letters, digits and <c>_</c> is quoted,
    /// so no two structs spell alike).
    /// </summary>
    public static string TypeName(IArrowType type) => type switch
    {
        StringType => "utf8",
        Int32Type => "int32",
        Int64Type => "int64",
        DoubleType => "float64",
        BooleanType => "bool",
        Date32Type => "date32",
        Decimal128Type d => $"decimal128({d.Precision},{d.Scale})",
        TimestampType t => $"timestamp[{UnitName(t.Unit)}{(string.IsNullOrEmpty(t.Timezone) ? "" : ", " + t.Timezone)}]",
        ListType l => $"list<{TypeName(l.ValueDataType)}{(l.ValueField.IsNullable ? "?" : "")}>",
        StructType s => StructName(s),
        _ => type.Name,
    };

    private static string StructName(StructType type)
    {
        var text = new StringBuilder("struct<");
        for (int f = 0; f < type.Fields.Count; f++)
        {
            Field field = type.Fields[f];
            if (f > 0) text.Append(", ");
            AppendFieldName(text, field.Name);
            text.Append(": ").Append(TypeName(field.DataType));
            if (field.IsNullable) text.Append('?');
        }
        return text.Append('>').ToString();
    }

    private static void AppendFieldName(StringBuilder text, string name)
    {
        bool plain = name.Length > 0;
        foreach (char c in name) plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        if (plain)
        {
            text.Append(name);
            return;
        }
        text.Append('"').Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
    }

    private static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "s",
        TimeUnit.Millisecond => "ms",
        TimeUnit.Microsecond => "us",
        _ => "ns",
    };
}
