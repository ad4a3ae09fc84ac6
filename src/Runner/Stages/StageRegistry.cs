using Ingest.Extraction;
using Ingest.Runner.Scenarios;
using Ingest.Sources;
using Ingest.Tiers;

namespace Ingest.Runner.Stages;

/// <summary>
/// The stages a runner knows, by asset key (<c>&lt;oem&gt;/&lt;tier&gt;/&lt;name&gt;</c>, what a scenario's stage names), and
/// the entities they write. <see cref="WithBuiltIns"/> holds the ones this repository ships; a team's own runner adds
/// its sources and entities and hands the registry to <see cref="IngestApp.RunAsync"/>, so <c>run</c>, <c>bench</c>,
/// <c>compare</c> and Dagster Pipes work for its scenarios as they do for the shipped ones (docs/your-own-runner.md).
/// </summary>
public sealed class StageRegistry
{
    private readonly Dictionary<string, Stage> _stages = new(StringComparer.Ordinal);
    private readonly List<EntityDescriptor> _entities = [];
    private readonly Dictionary<string, string> _rawOfTransformed = new(StringComparer.Ordinal);

    /// <summary>The registered asset keys, in the order they were added.</summary>
    public IReadOnlyList<string> AssetKeys => [.. _stages.Keys];

    /// <summary>The entities the stages write (and those added with <see cref="Entity{TEntity}"/>), for <c>ingest list</c>.</summary>
    public IReadOnlyList<EntityDescriptor> Entities => _entities;

    /// <summary>A registry with the shipped stages: Stellantis and Mercedes-Benz inventory, raw to consolidated.</summary>
    public static StageRegistry WithBuiltIns() => BuiltInStages.AddTo(new StageRegistry());

    /// <summary>
    /// A raw stage: pages of <paramref name="source"/> for each of <paramref name="subResources"/> into the raw table
    /// the asset key names. Both are asked of the run's <see cref="StageContext"/> (its upstream, settings and date);
    /// the scenario's retry and concurrency knobs apply on top (<c>INGEST_CONCURRENCY</c>, <c>INGEST_MAX_ATTEMPTS</c>,
    /// <c>INGEST_ATTEMPT_TIMEOUT_S</c>).
    /// </summary>
    public StageRegistry Raw(string assetKey, Func<StageContext, PagedSourceOptions> source, Func<StageContext, IReadOnlyList<SubResource>> subResources)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(subResources);
        return Add(assetKey, fetches: true, (context, cancellationToken) =>
            StageRunners.RunRawAsync(context, StageRunners.Tuned(source(context), context), subResources(context), cancellationToken));
    }

    /// <summary>A transformed stage: the raw partition of <paramref name="rawAssetKey"/> through <typeparamref name="TEntity"/>'s extractor.</summary>
    public StageRegistry Transformed<TEntity>(string assetKey, string rawAssetKey) where TEntity : IEntity
    {
        Entity<TEntity>();
        Add(assetKey, fetches: false, (context, cancellationToken) => StageRunners.RunTransformedAsync<TEntity>(context, rawAssetKey, cancellationToken));
        _rawOfTransformed[assetKey] = rawAssetKey;
        return this;
    }

    /// <summary>
    /// A consolidated stage: the day's partition of <paramref name="transformedAssetKey"/> against the history of every
    /// key. When that transformed stage is registered too, the day's raw pages without records are counted and warned of.
    /// </summary>
    public StageRegistry Consolidated<TEntity>(string assetKey, string transformedAssetKey) where TEntity : IEntity
    {
        Entity<TEntity>();
        return Add(assetKey, fetches: false, (context, cancellationToken) => StageRunners.RunConsolidatedAsync<TEntity>(
            context, transformedAssetKey, _rawOfTransformed.GetValueOrDefault(transformedAssetKey), configure: null, cancellationToken));
    }

    /// <summary>
    /// A consolidated stage whose options <paramref name="configure"/> completes: other sources of the same key ranked
    /// after <paramref name="transformedAssetKey"/>'s (name each with <see cref="OtherSource{TEntity}"/>), their field
    /// policies, columns left out of <c>_snapshot</c> (docs/consolidation.md). The runner fills in the tables, the raw
    /// table and <c>INGEST_KEEP_GONE_DAYS</c> first.
    /// </summary>
    public StageRegistry Consolidated<TEntity>(string assetKey, string transformedAssetKey, Func<ConsolidatedStageOptions, ConsolidatedStageOptions> configure)
        where TEntity : IEntity
    {
        ArgumentNullException.ThrowIfNull(configure);
        Entity<TEntity>();
        // The options are a pure function of the ones given: configured once here, the other sources' entities are listed.
        foreach (ConsolidationSource other in configure(new ConsolidatedStageOptions { SourceTable = AssetKey.Parse(transformedAssetKey).Table }).OtherSources)
        {
            if (!_entities.Any(e => ReferenceEquals(e, other.Entity))) _entities.Add(other.Entity);
        }
        return Add(assetKey, fetches: false, (context, cancellationToken) => StageRunners.RunConsolidatedAsync<TEntity>(
            context, transformedAssetKey, _rawOfTransformed.GetValueOrDefault(transformedAssetKey), configure, cancellationToken));
    }

    /// <summary>Another source of a consolidated stage: <typeparamref name="TEntity"/>'s table of <paramref name="transformedAssetKey"/>.</summary>
    public static ConsolidationSource OtherSource<TEntity>(string name, string transformedAssetKey) where TEntity : IEntity
    {
        AssetKey table = AssetKey.Parse(transformedAssetKey);
        return ConsolidationSource.Of<TEntity>(name) with { Namespace = table.Namespace, Table = table.Table };
    }

    /// <summary>Lists an entity in <c>ingest list</c> (the stages add theirs).</summary>
    public StageRegistry Entity<TEntity>() where TEntity : IEntity
    {
        if (!_entities.Any(e => ReferenceEquals(e, TEntity.Descriptor))) _entities.Add(TEntity.Descriptor);
        return this;
    }

    public bool Knows(string assetKey) => _stages.ContainsKey(assetKey);

    /// <summary>True for a stage that fetches from the upstream (a raw stage); the others read tables only.</summary>
    public bool Fetches(StageConfig stage) => _stages.TryGetValue(stage.AssetKey, out Stage? known) && known.Fetches;

    public Task<StageResult> RunAsync(StageContext context, CancellationToken cancellationToken) =>
        _stages.TryGetValue(context.Stage.AssetKey, out Stage? stage)
            ? stage.Run(context, cancellationToken)
            : throw new ScenarioException(
                $"Stage '{context.Stage.Name}' of scenario '{context.Scenario.Name}' names asset '{context.Stage.AssetKey}', which this runner does not know; known assets: {string.Join(", ", AssetKeys)}.");

    private StageRegistry Add(string assetKey, bool fetches, Func<StageContext, CancellationToken, Task<StageResult>> run)
    {
        AssetKey.Parse(assetKey); // throws with the expected shape
        if (!_stages.TryAdd(assetKey, new Stage(fetches, run)))
            throw new ArgumentException($"Asset '{assetKey}' is registered twice; each asset key names one stage.", nameof(assetKey));
        return this;
    }

    private sealed record Stage(bool Fetches, Func<StageContext, CancellationToken, Task<StageResult>> Run);
}
