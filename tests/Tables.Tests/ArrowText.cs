using System.Globalization;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.Tests;

/// <summary>
/// One slot of an Arrow array, nested types included, as text (<c>{closed=true, tags=["a", null]}</c>), read from
/// the array's buffers by Arrow's rules: a struct's offset applies to its children (which are not sliced with it),
/// a list's offsets index its child, and a child's own offset adds to both. The expected side of a test spells its
/// values with the same helpers, so a comparison is of values, whatever the layout.
/// </summary>
internal static class ArrowText
{
    public const string Null = "null";

    public static string Of(IArrowArray array, int index) => Of(array.Data, index);

    /// <summary>Slot <paramref name="index"/> of <paramref name="data"/>, counted from the array's first slot (its offset not included).</summary>
    public static string Of(ArrayData data, int index)
    {
        IArrowArray array = ArrowArrayFactory.BuildArray(data);
        if (array.IsNull(index)) return Null;
        int slot = data.Offset + index;
        switch (data.DataType)
        {
            case StructType structType:
                return Struct([.. structType.Fields.Select((field, f) => (field.Name, Of(data.Children[f], slot)))]);
            case ListType:
            {
                ReadOnlySpan<int> offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span);
                int start = offsets[slot];
                int end = offsets[slot + 1];
                var items = new List<string>(end - start);
                for (int item = start; item < end; item++) items.Add(Of(data.Children[0], item));
                return List(items);
            }
        }
        return array switch
        {
            StringArray a => Of(a.GetString(index)),
            BooleanArray a => Of(a.GetValue(index)),
            Int32Array a => Of(a.GetValue(index)),
            Int64Array a => Of(a.GetValue(index)),
            DoubleArray a => Of(a.GetValue(index)),
            Decimal128Array a => Of(a.GetValue(index)),
            Date32Array a => Of(a.GetDateOnly(index)),
            TimestampArray a => Timestamp(a.Values[index]),
            _ => throw new NotSupportedException(data.DataType.Name),
        };
    }

    /// <summary>A type with the names of its fields at every depth (<c>list&lt;item: utf8?&gt;</c>), which the fingerprint leaves out for lists.</summary>
    public static string TypeOf(IArrowType type) => type switch
    {
        ListType list => $"list<{FieldOf(list.ValueField)}>",
        StructType structType => $"struct<{string.Join(", ", structType.Fields.Select(FieldOf))}>",
        _ => Hashing.SchemaFingerprint.TypeName(type),
    };

    /// <summary>The type of <paramref name="data"/> as its arrays have it, children included (each child's own type, not its parent's field).</summary>
    public static string TypeOf(ArrayData data) => data.DataType switch
    {
        ListType list => $"list<{list.ValueField.Name}: {TypeOf(data.Children[0])}{(list.ValueField.IsNullable ? "?" : "")}>",
        StructType structType => $"struct<{string.Join(", ", structType.Fields.Select((f, i) => $"{f.Name}: {TypeOf(data.Children[i])}{(f.IsNullable ? "?" : "")}"))}>",
        _ => Hashing.SchemaFingerprint.TypeName(data.DataType),
    };

    private static string FieldOf(Field field) => $"{field.Name}: {TypeOf(field.DataType)}{(field.IsNullable ? "?" : "")}";

    public static string Of(string? value) => value is null ? Null : "\"" + value + "\"";

    public static string Of(bool? value) => value is null ? Null : value.Value ? "true" : "false";

    public static string Of(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Null;

    public static string Of(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? Null;

    /// <summary>Normalized, so 1.50 (scale 2) and 1.5 read alike.</summary>
    public static string Of(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? Null;

    public static string Of(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Null;

    /// <summary>Microseconds since the epoch.</summary>
    public static string Timestamp(long? micros) => micros is null ? Null : "@" + micros.Value.ToString(CultureInfo.InvariantCulture);

    public static string Struct(params (string Name, string Value)[] fields) => "{" + string.Join(", ", fields.Select(f => f.Name + "=" + f.Value)) + "}";

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
