using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>Where the consolidated stage reads today's rows and writes the history of every key.</summary>
public sealed record ConsolidatedStageOptions
{
    /// <summary>The transformed table to read (an entity's table, e.g. <c>stellantis_inventory</c>).</summary>
    public required string SourceTable { get; init; }

    public string SourceNamespace { get; init; } = TransformedStageOptions.DefaultNamespace;

    /// <summary>What the main source is called in <c>_sources</c>, policies and reports; null: its table's name.</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Further sources of the same key, ranked after the main one in this order (a dealer feed beside the public
    /// inventory). Empty: the table is the main source's history alone, with no <c>_sources</c> column. With sources, a
    /// key is seen today when any source has it; its columns are merged by <see cref="FieldPolicies"/>, and
    /// <c>_snapshot</c> is recomputed over the merged values.
    /// </summary>
    public IReadOnlyList<ConsolidationSource> OtherSources { get; init; } = [];

    /// <summary>
    /// Columns left out of <c>_snapshot</c> (recomputed here over the others), so a change in them alone does not make
    /// a key changed: a counter that moves every day, such as a feed's <c>days_on_lot</c>. Their values are still
    /// written. Empty: the transformed table's <c>_snapshot</c> (one source) or one over every merged column.
    /// </summary>
    public IReadOnlyList<string> IgnoredInSnapshot { get; init; } = [];

    /// <summary>How each column shared by several sources is merged, by column name; a column not named follows <see cref="FieldPolicy.SourceRank"/>.</summary>
    public IReadOnlyDictionary<string, FieldPolicy> FieldPolicies { get; init; } = new Dictionary<string, FieldPolicy>();

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
