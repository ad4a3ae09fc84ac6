namespace Ingest.Generators.Model;

/// <summary>The supported property types, each with its Arrow type and column buffer.</summary>
internal enum ColumnKind
{
    String,
    Int32,
    Int64,
    Double,
    Decimal,
    Boolean,
    Date,
    Timestamp,
    StringList,
    Int32List,
    Int64List,
    DoubleList,
    DecimalList,
    BooleanList,
    DateList,
    TimestampList,

    /// <summary>A <c>[NestedRecord]</c> class: an Arrow struct of its <see cref="ColumnSpec.Fields"/>.</summary>
    Struct,

    /// <summary>A list of a <c>[NestedRecord]</c> class: an Arrow list of structs of its <see cref="ColumnSpec.Fields"/>.</summary>
    StructList,
}
