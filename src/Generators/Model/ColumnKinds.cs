namespace Ingest.Generators.Model;

/// <summary>What each <see cref="ColumnKind"/> is in the runtime: value type, column buffer, Arrow array and type.</summary>
internal static class ColumnKinds
{
    private const string Columns = "global::Ingest.Columns.";
    private const string Arrow = "global::Apache.Arrow.";

    public static bool IsList(ColumnKind kind) => kind is >= ColumnKind.StringList and <= ColumnKind.TimestampList;

    /// <summary>A struct column or a list of structs: a nested record's fields, not a value of its own.</summary>
    public static bool IsNested(ColumnKind kind) => kind is ColumnKind.Struct or ColumnKind.StructList;

    /// <summary>The kind of a list's items, or the kind itself.</summary>
    public static ColumnKind ItemKind(ColumnKind kind) => kind switch
    {
        ColumnKind.StringList => ColumnKind.String,
        ColumnKind.Int32List => ColumnKind.Int32,
        ColumnKind.Int64List => ColumnKind.Int64,
        ColumnKind.DoubleList => ColumnKind.Double,
        ColumnKind.DecimalList => ColumnKind.Decimal,
        ColumnKind.BooleanList => ColumnKind.Boolean,
        ColumnKind.DateList => ColumnKind.Date,
        ColumnKind.TimestampList => ColumnKind.Timestamp,
        _ => kind,
    };

    /// <summary>The C# type a coercer produces for this kind (its items, for lists).</summary>
    public static string ValueType(ColumnKind kind) => ItemKind(kind) switch
    {
        ColumnKind.String => "string",
        ColumnKind.Int32 => "int",
        ColumnKind.Int64 => "long",
        ColumnKind.Double => "double",
        ColumnKind.Decimal => "decimal",
        ColumnKind.Boolean => "bool",
        ColumnKind.Date => "global::System.DateOnly",
        _ => "global::System.DateTimeOffset",
    };

    public static string BufferType(ColumnKind kind) => kind switch
    {
        ColumnKind.String => Columns + "StringColumnBuffer",
        ColumnKind.Int32 => Columns + "Int32ColumnBuffer",
        ColumnKind.Int64 => Columns + "Int64ColumnBuffer",
        ColumnKind.Double => Columns + "DoubleColumnBuffer",
        ColumnKind.Decimal => Columns + "DecimalColumnBuffer",
        ColumnKind.Boolean => Columns + "BooleanColumnBuffer",
        ColumnKind.Date => Columns + "DateColumnBuffer",
        ColumnKind.Timestamp => Columns + "TimestampColumnBuffer",
        ColumnKind.Struct => Columns + "StructColumnBuffer",
        ColumnKind.StructList => Columns + "ListColumnBuffer<" + Columns + "StructColumnBuffer>",
        _ => Columns + "ListColumnBuffer<" + BufferType(ItemKind(kind)) + ">",
    };

    public static string ArrayType(ColumnKind kind) => kind switch
    {
        ColumnKind.String => Arrow + "StringArray",
        ColumnKind.Int32 => Arrow + "Int32Array",
        ColumnKind.Int64 => Arrow + "Int64Array",
        ColumnKind.Double => Arrow + "DoubleArray",
        ColumnKind.Decimal => Arrow + "Decimal128Array",
        ColumnKind.Boolean => Arrow + "BooleanArray",
        ColumnKind.Date => Arrow + "Date32Array",
        ColumnKind.Timestamp => Arrow + "TimestampArray",
        ColumnKind.Struct => Arrow + "StructArray",
        _ => Arrow + "ListArray",
    };

    /// <summary>A C# expression for the column's Arrow type.</summary>
    public static string ArrowTypeExpression(ColumnKind kind, int precision, int scale) => kind switch
    {
        ColumnKind.String => Arrow + "Types.StringType.Default",
        ColumnKind.Int32 => Arrow + "Types.Int32Type.Default",
        ColumnKind.Int64 => Arrow + "Types.Int64Type.Default",
        ColumnKind.Double => Arrow + "Types.DoubleType.Default",
        ColumnKind.Decimal => $"new {Arrow}Types.Decimal128Type({precision}, {scale})",
        ColumnKind.Boolean => Arrow + "Types.BooleanType.Default",
        ColumnKind.Date => Arrow + "Types.Date32Type.Default",
        ColumnKind.Timestamp => Columns + "TimestampColumnBuffer.ArrowType",
        _ => $"new {Arrow}Types.ListType(new {Arrow}Field(\"item\", {ArrowTypeExpression(ItemKind(kind), precision, scale)}, nullable: true))",
    };

    /// <summary>A C# expression that creates the column's buffer for <paramref name="capacity"/> rows.</summary>
    public static string NewBuffer(ColumnKind kind, int precision, int scale, string capacity) => kind switch
    {
        ColumnKind.Decimal => $"new {BufferType(kind)}({precision}, {scale}, {capacity})",
        _ when IsList(kind) => $"new {BufferType(kind)}({NewBuffer(ItemKind(kind), precision, scale, capacity + " * 4")}, {capacity})",
        _ => $"new {BufferType(kind)}({capacity})",
    };
}
