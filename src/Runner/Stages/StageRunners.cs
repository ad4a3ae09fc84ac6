using System.Globalization;
using Ingest.Runner.Scenarios;
using Ingest.Sources;
using Ingest.Tiers;

namespace Ingest.Runner.Stages;

/// <summary>
/// How each kind of stage runs for the runner (<see cref="StageRegistry"/> names them by asset key): the raw stage of a
/// source, the transformed stage of an entity and its consolidated stage, each reported as a <see cref="StageResult"/>
/// with the warnings and notes the summary shows.
/// </summary>
internal static class StageRunners
{
    /// <summary>
    /// The knobs a scenario (or the environment) may turn on any source: requests in flight (<c>INGEST_CONCURRENCY</c>),
    /// attempts per page (<c>INGEST_MAX_ATTEMPTS</c>, the first included) and how long one may take
    /// (<c>INGEST_ATTEMPT_TIMEOUT_S</c>), which a page's error suggests raising when it failed on timeouts.
    /// </summary>
    public static PagedSourceOptions Tuned(PagedSourceOptions source, StageContext context) => source with
    {
        Concurrency = context.IntSetting("INGEST_CONCURRENCY", source.Concurrency, min: 1),
        Retry = source.Retry with
        {
            MaxAttempts = context.IntSetting("INGEST_MAX_ATTEMPTS", source.Retry.MaxAttempts, min: 1),
            AttemptTimeout = TimeSpan.FromSeconds(context.IntSetting("INGEST_ATTEMPT_TIMEOUT_S", (int)source.Retry.AttemptTimeout.TotalSeconds, min: 1)),
        },
    };

    public static async Task<StageResult> RunRawAsync(StageContext context, PagedSourceOptions source, IReadOnlyList<SubResource> subResources, CancellationToken cancellationToken)
    {
        AssetKey asset = AssetKey.Parse(context.Stage.AssetKey);
        var options = new RawStageOptions
        {
            Source = source,
            SubResources = subResources,
            Namespace = asset.Namespace,
            Table = asset.Table,
            ForceFresh = context.ForceFresh,
            OnPage = context.OnPage,
        };
        RawStageReport report = await RawStage.RunAsync(context.PartitionDate, context.Warehouse, options, cancellationToken);
        var warnings = new List<string>();
        if (report.FailedPages > 0) warnings.Add($"{report.FailedPages} pages failed after retries (rows in the raw table with their error)");
        if (report.NotJsonPages > 0) warnings.Add($"{report.NotJsonPages} pages were not JSON (kept for quarantine)");
        if (report.PagesResumed > 0) warnings.Add($"{report.PagesResumed} pages resumed from an interrupted run");
        if (report.RefetchedSubResources.Count > 0)
            warnings.Add($"{report.RefetchedSubResources.Count} sub-resources with failed pages in the interrupted run fetched again ({string.Join(", ", report.RefetchedSubResources)})");
        if (report.Fetch is { } fetch)
        {
            foreach (SubResourceReport sub in fetch.SubResources)
            {
                if (sub.Continuity is { Duplicates.Count: > 0 } continuity)
                    warnings.Add($"{sub.SubResource.Name}: {continuity.Duplicates.Count} keys seen on two pages (rows moved during paging)");
            }
        }
        return new StageResult
        {
            Table = asset.ToString(),
            RowsIn = report.RowsIn,
            RowsOut = report.RowsOut,
            Columns = RawTier.Schema.FieldsList.Count,
            Duration = report.Timings.Elapsed,
            Phases = report.Timings.Phases,
            PeakWorkingSetMb = report.Memory.PeakWorkingSetBytes / (1024.0 * 1024.0),
            Bytes = report.BytesFetched,
            Warnings = warnings,
            Report = report,
        };
    }

    public static async Task<StageResult> RunTransformedAsync<TEntity>(StageContext context, string rawAsset, CancellationToken cancellationToken)
        where TEntity : IEntity
    {
        AssetKey asset = AssetKey.Parse(context.Stage.AssetKey);
        AssetKey raw = AssetKey.Parse(rawAsset);
        var options = new TransformedStageOptions
        {
            RawNamespace = raw.Namespace,
            RawTable = raw.Table,
            Namespace = asset.Namespace,
            Table = asset.Table,
        };
        TransformedStageReport report = await TransformedStage.RunAsync<TEntity>(context.PartitionDate, context.Warehouse, options, cancellationToken);
        var warnings = new List<string>();
        long failures = report.CoercionFailures.Sum(f => (long)f.Count);
        if (failures > 0)
            warnings.Add($"{failures} values could not be coerced ({string.Join(", ", report.CoercionFailures.OrderByDescending(f => f.Count).Take(3).Select(f => $"{f.Column}: {f.Count}"))})");
        if (report.QuarantinedPages.Count > 0) warnings.Add($"{report.QuarantinedPages.Count} pages quarantined to {report.QuarantineTable}");
        if (report.ConflictingKeys > 0) warnings.Add($"{report.ConflictingKeys} keys with conflicting rows (first wins)");
        if (report.DuplicateRows > 0) warnings.Add($"{report.DuplicateRows} duplicate rows dropped");
        if (report.FailedPages > 0) warnings.Add($"{report.FailedPages} failed raw pages skipped");
        foreach (Ingest.Tables.SchemaDifference difference in report.SchemaDifferences)
        {
            warnings.Add($"the schema differs from {difference}; read the table with union_by_name = true, or re-run each of them: " +
                ReplayCommand(context));
        }
        return new StageResult
        {
            Table = asset.ToString(),
            RowsIn = report.RowsIn,
            RowsOut = report.RowsOut,
            Columns = TEntity.ArrowSchema.FieldsList.Count + 1,
            Duration = report.Timings.Elapsed,
            Phases = report.Timings.Phases,
            PeakWorkingSetMb = report.Memory.PeakWorkingSetBytes / (1024.0 * 1024.0),
            Bytes = report.BytesIn,
            Warnings = warnings,
            Report = report,
        };
    }

    /// <param name="configure">Completes the options (other sources, field policies, columns left out of the snapshot); null: none.</param>
    public static async Task<StageResult> RunConsolidatedAsync<TEntity>(StageContext context, string transformedAsset, string? rawAsset,
        Func<ConsolidatedStageOptions, ConsolidatedStageOptions>? configure, CancellationToken cancellationToken)
        where TEntity : IEntity
    {
        AssetKey asset = AssetKey.Parse(context.Stage.AssetKey);
        AssetKey source = AssetKey.Parse(transformedAsset);
        AssetKey? raw = rawAsset is null ? null : AssetKey.Parse(rawAsset);
        var options = new ConsolidatedStageOptions
        {
            SourceNamespace = source.Namespace,
            SourceTable = source.Table,
            RawNamespace = raw?.Namespace ?? RawTier.DefaultNamespace,
            RawTable = raw?.Table,
            Namespace = asset.Namespace,
            Table = asset.Table,
            KeepGoneDays = context.OptionalIntSetting("INGEST_KEEP_GONE_DAYS", min: 0),
        };
        if (configure is not null) options = configure(options);
        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<TEntity>(context.PartitionDate, context.Warehouse, options, cancellationToken);
        var warnings = new List<string>();
        if (report.PagesWithoutRecords > 0)
        {
            warnings.Add($"{report.PagesWithoutRecords} raw pages of {context.PartitionDate:yyyy-MM-dd} brought no records ({string.Join(", ", report.SubResourcesWithoutRecords.Take(5))}" +
                $"{(report.SubResourcesWithoutRecords.Count > 5 ? $" and {report.SubResourcesWithoutRecords.Count - 5} more" : "")}), so the vehicles on them read as gone today; " +
                $"fetch the day again and consolidate it again: {IngestApp.Name} run {context.Scenario.Name} --date {context.PartitionDate:yyyy-MM-dd}");
        }
        if (report.SkippedSourcePartitions.Count > 0)
        {
            warnings.Add($"{report.SkippedSourcePartitions.Count} earlier dates of the source were never consolidated ({Dates(report.SkippedSourcePartitions)}), so the vehicles seen only then are not in the history; " +
                "consolidate them in date order, then this date again: " + ReplayCommand(context));
        }
        if (report.LaterPartitions.Count > 0)
        {
            warnings.Add($"{report.LaterPartitions.Count} later partitions ({Dates(report.LaterPartitions)}) " +
                "were built on the history this run replaced; re-run each, in date order: " + ReplayCommand(context));
        }
        return new StageResult
        {
            Table = asset.ToString(),
            RowsIn = report.RowsIn,
            RowsOut = report.RowsOut,
            Columns = report.Columns,
            Duration = report.Timings.Elapsed,
            Phases = report.Timings.Phases,
            PeakWorkingSetMb = report.Memory.PeakWorkingSetBytes / (1024.0 * 1024.0),
            Bytes = report.FileBytes,
            Warnings = warnings,
            Notes =
            [
                report.HistoryDate is { } history
                    ? $"{report.NewKeys:N0} keys new since {history:yyyy-MM-dd}, {report.ChangedKeys:N0} changed, {report.UnchangedKeys:N0} unchanged, {report.ReturnedKeys:N0} back, " +
                      $"{report.GoneKeys:N0} gone, {report.StillGoneKeys:N0} gone before, {report.ExpiredKeys:N0} expired"
                    : $"{report.NewKeys:N0} keys, all new (no consolidated partition before {context.PartitionDate:yyyy-MM-dd})",
                .. report.Sources.Skip(1).Select(s => $"{s.KeysOnlyHere:N0} keys only in {s.Name} ({s.Rows:N0} rows of it)"),
                .. report.MergedColumns.Where(c => c.Policy != FieldPolicy.SourceRank).Select(c =>
                    $"{c.Column} ({c.Policy}): {string.Join(", ", c.ValuesFrom.Select(v => $"{v.Value:N0} from {v.Key}"))}"),
            ],
            Report = report,
        };
    }

    /// <summary>The command that runs this stage again for a date the user fills in.</summary>
    private static string ReplayCommand(StageContext context) => $"{IngestApp.Name} run {context.Scenario.Name} --stage {context.Stage.Name} --date <date>";

    /// <summary>A few dates, then how many more.</summary>
    private static string Dates(IReadOnlyList<DateOnly> dates) =>
        string.Join(", ", dates.Take(5).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) + (dates.Count > 5 ? $" and {dates.Count - 5} more" : "");
}
