using Ingest.Extraction;

namespace Ingest.Tiers;

/// <summary>
/// A further source of a consolidated table (<see cref="ConsolidatedStageOptions.OtherSources"/>): another entity's
/// transformed table with the same key, ranked after the main source and the ones listed before it. Its columns
/// join the table by name: a column the main source has too is merged by that column's <see cref="FieldPolicy"/>,
/// one only it has is added.
/// </summary>
/// <param name="Name">What the source is called in <c>_sources</c>, in policies (<see cref="FieldPolicy.Prefer"/>) and reports.</param>
/// <param name="Entity">The entity its transformed table was written from: its columns and key.</param>
public sealed record ConsolidationSource(string Name, EntityDescriptor Entity)
{
    /// <summary>The transformed table; null: the entity's table.</summary>
    public string? Table { get; init; }

    public string Namespace { get; init; } = TransformedStageOptions.DefaultNamespace;

    public string TableName => Table ?? Entity.Table;

    /// <summary>A source read from <typeparamref name="TEntity"/>'s transformed table.</summary>
    public static ConsolidationSource Of<TEntity>(string name)
        where TEntity : IEntity => new(name, TEntity.Descriptor);
}
