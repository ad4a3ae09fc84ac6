namespace Ingest;

/// <summary>
/// Marks a class whose properties become the fields of a struct column: an entity property of this type is stored
/// as one Arrow <c>struct</c> column (a Parquet group) instead of a column per field.
/// </summary>
/// <remarks>
/// The fields are declared as an entity's columns are (alias, path, coercers, decimal precision, defaults), with
/// paths relative to the object the entity property's path leads to. A nested record holds scalar and list fields;
/// it cannot hold another nested record or a computed column. The class needs no <c>partial</c>: nothing is
/// generated into it.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NestedRecordAttribute : Attribute;
