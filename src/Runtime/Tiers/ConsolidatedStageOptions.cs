using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>Where the consolidated stage reads today's rows and writes the history of every key.</summary>
public sealed record ConsolidatedStageOptions
{
    /// <summary>The transformed table to read (an entity's table, e.g. <c>stellantis_inventory</c>).</summary>
    public required string SourceTable { get; init; }

    public string SourceNamespace { get; init; } = TransformedStageOptions.DefaultNamespace;

    public string Namespace { get; init; } = ConsolidatedTier.DefaultNamespace;

    /// <summary>The consolidated table; null: the source table's name.</summary>
    public string? Table { get; init; }

    /// <summary>
    /// The raw table behind the source (e.g. <c>stellantis_inventory</c>); null: not checked. When given, the day's pages
    /// that brought no records (failed upstream, or not JSON) are counted in the report: the keys they held read as
    /// gone today.
    /// </summary>
    public string? RawTable { get; init; }

    public string RawNamespace { get; init; } = RawTier.DefaultNamespace;

    /// <summary>
    /// How many days a key gone from the source is carried after it was last seen; null: for ever. A partition holds
    /// every key it carries, so without a limit each day's partition keeps every vehicle ever sold.
    /// </summary>
    public int? KeepGoneDays { get; init; }

    /// <summary>Table store options (row groups, part files, the producing commit).</summary>
    public TableStoreOptions? Store { get; init; }
}
