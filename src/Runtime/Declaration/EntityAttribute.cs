namespace Ingest;

/// <summary>
/// Marks a <c>partial</c> class as an entity: the source generator compiles its properties into an Arrow
/// schema and a one-pass extractor (<c>Schema</c>, <c>CreateExtractor</c>) at build time.
/// </summary>
/// <param name="table">The table the entity is written to, snake_case by convention (<c>jeep_inventory</c>).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EntityAttribute(string table) : Attribute
{
    public string Table { get; } = table;

    /// <summary>Where the records sit in a page, as dotted JSON names: <c>result.data.vehicles</c>. Required.</summary>
    public string? Records { get; set; }

    /// <summary>Property names (use <c>nameof</c>) whose columns identify a record; used for conflicts and consolidation.</summary>
    public string[]? Key { get; set; }

    /// <summary>How a property name becomes a JSON name when no <see cref="AliasAttribute"/> or <see cref="PathAttribute"/> says.</summary>
    public NamingConvention JsonNaming { get; set; } = NamingConvention.CamelCase;

    /// <summary>How a property name becomes a column name when no <see cref="ColumnAttribute"/> says.</summary>
    public NamingConvention ColumnNaming { get; set; } = NamingConvention.SnakeCase;
}
