using Apache.Arrow;

namespace Ingest;

/// <summary>An entity's declaration as compiled: where records sit, what identifies one, and its columns.</summary>
public sealed record EntityDescriptor(
    string Table,
    string RecordsPath,
    IReadOnlyList<string> Key,
    Schema Schema,
    IReadOnlyList<ColumnDescriptor> Columns);

/// <summary>One column: its name, the property it came from, and where its values come from.</summary>
/// <param name="Source">The JSON path (<c>price.msrp</c>) or, for a computed column, the transform and its input.</param>
/// <param name="Coercion">The coercers applied, by type name, or <c>Plain</c>.</param>
public sealed record ColumnDescriptor(string Name, string Property, string Source, string Coercion, bool IsComputed);
