using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tiers;

/// <summary>
/// An Arrow type as the tiers' errors spell it, nested types in full: <c>struct&lt;closed: bool?, open_time: utf8?&gt;</c>,
/// <c>list&lt;struct&lt;…&gt;?&gt;</c>; other types as <see cref="SchemaFingerprint.TypeName"/> spells them. Two types
/// with the same text hold the same values in the same layout, so the text also tells a retyped column.
/// </summary>
internal static class ArrowTypeText
{
    public static string Describe(IArrowType type) => type switch
    {
        StructType structType => $"struct<{string.Join(", ", structType.Fields.Select(f => $"{f.Name}: {Describe(f.DataType)}{(f.IsNullable ? "?" : "")}"))}>",
        ListType list => $"list<{Describe(list.ValueDataType)}{(list.ValueField.IsNullable ? "?" : "")}>",
        _ => SchemaFingerprint.TypeName(type),
    };
}
