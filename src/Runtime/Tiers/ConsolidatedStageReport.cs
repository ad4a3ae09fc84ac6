using System.Text;

namespace Ingest.Tiers;

/// <summary>
/// What a consolidated stage did: today's rows against the history it started from, how many keys are new, changed,
/// unchanged, gone or still gone, and the partitions after this one that were built on the history it replaced.
/// </summary>
public sealed record ConsolidatedStageReport
{
    /// <summary><c>namespace/table</c>.</summary>
    public required string Table { get; init; }

    /// <summary><c>namespace/table</c> of the transformed table read.</summary>
    public required string Source { get; init; }

    public required DateOnly PartitionDate { get; init; }

    /// <summary>With other sources: each source, main first, with its rows and the keys only it and the sources after it had.</summary>
    public IReadOnlyList<ConsolidatedSourceReport> Sources { get; init; } = [];

    /// <summary>With other sources: each column more than one source has, its policy, and how many rows took each source's value.</summary>
    public IReadOnlyList<MergedColumnReport> MergedColumns { get; init; } = [];

    /// <summary>The consolidated partition this one continues (the latest before it), or null for the first.</summary>
    public required DateOnly? HistoryDate { get; init; }

    public required string CommitId { get; init; }

    /// <summary>Rows of the source's partition; with other sources, the merged rows (one a key any source had, and each keyless row).</summary>
    public required long RowsIn { get; init; }

    /// <summary>Rows of the history partition read.</summary>
    public required long HistoryRows { get; init; }

    /// <summary>Rows written: every source row, and every history key the source no longer has.</summary>
    public required long RowsOut { get; init; }

    /// <summary>Columns of the table written: the sources' columns, <c>_sources</c> with several, <c>_snapshot</c> and the history columns.</summary>
    public required int Columns { get; init; }

    /// <summary>Keys seen for the first time (<c>first_seen</c> is this partition's date).</summary>
    public required long NewKeys { get; init; }

    /// <summary>Keys in the history whose <c>_snapshot</c> differs today (<c>last_changed</c> is this partition's date).</summary>
    public required long ChangedKeys { get; init; }

    public required long UnchangedKeys { get; init; }

    /// <summary>Keys inactive in the history and in the source again today (counted among changed or unchanged too).</summary>
    public required long ReturnedKeys { get; init; }

    /// <summary>Keys active in the history and not in the source today: carried with <c>is_active</c> false.</summary>
    public required long GoneKeys { get; init; }

    /// <summary>Keys already inactive in the history and still not in the source: carried as they were.</summary>
    public required long StillGoneKeys { get; init; }

    /// <summary>Keys gone for longer than <see cref="ConsolidatedStageOptions.KeepGoneDays"/>: no longer carried.</summary>
    public required long ExpiredKeys { get; init; }

    /// <summary>Source rows with a null key column: written as new every day (a row without a key has no history).</summary>
    public required long NullKeyRows { get; init; }

    /// <summary>
    /// Consolidated partitions after this one. Each was built on the history before it, so after re-running an earlier
    /// date they no longer follow from it: re-run them in date order.
    /// </summary>
    public required IReadOnlyList<DateOnly> LaterPartitions { get; init; }

    /// <summary>
    /// Source partitions before this one and after its history that were never consolidated (none had a consolidated
    /// partition): the keys seen only on those days are missing from the history. Consolidate them in date order,
    /// then this date again.
    /// </summary>
    public required IReadOnlyList<DateOnly> SkippedSourcePartitions { get; init; }

    /// <summary>
    /// The day's raw pages that brought no records (failed upstream, or not JSON), when
    /// <see cref="ConsolidatedStageOptions.RawTable"/> is given: the keys they held are counted as gone today. Fetch the
    /// day again and consolidate it again.
    /// </summary>
    public long PagesWithoutRecords { get; init; }

    /// <summary>The sub-resources of <see cref="PagesWithoutRecords"/>.</summary>
    public IReadOnlyList<string> SubResourcesWithoutRecords { get; init; } = [];

    /// <summary>Bytes of the committed partition's Parquet files.</summary>
    public required long FileBytes { get; init; }

    public required StageTimings Timings { get; init; }

    public required StageMemory Memory { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"consolidated {Table} {PartitionDate:yyyy-MM-dd} from {Source}")
            .Append(HistoryDate is { } history ? $" and the history of {history:yyyy-MM-dd}" : " (no history before it)")
            .Append($": {RowsIn:N0} rows in, {HistoryRows:N0} history rows, {RowsOut:N0} rows out; keys: {NewKeys:N0} new, {ChangedKeys:N0} changed, ")
            .Append($"{UnchangedKeys:N0} unchanged, {ReturnedKeys:N0} back, {GoneKeys:N0} gone, {StillGoneKeys:N0} still gone, {ExpiredKeys:N0} expired; {NullKeyRows:N0} rows without a key; ")
            .Append($"{FileBytes / 1e6:N1} MB written; ").Append(Timings).Append("; ").Append(Memory);
        foreach (ConsolidatedSourceReport merged in Sources)
            text.AppendLine().Append($"  source {merged.Name} ({merged.Table}): {merged.Rows:N0} rows, {merged.KeysOnlyHere:N0} keys no source before it had")
                .Append(merged.RepeatedKeyRows > 0 ? $", {merged.RepeatedKeyRows:N0} rows repeating a key it had given (not merged)" : "");
        foreach (MergedColumnReport column in MergedColumns)
            text.AppendLine().Append($"  {column.Column} ({column.Policy}): ").Append(string.Join(", ", column.ValuesFrom.Select(v => $"{v.Value:N0} from {v.Key}")));
        if (PagesWithoutRecords > 0)
            text.AppendLine().Append($"  {PagesWithoutRecords:N0} raw pages of the day brought no records ({string.Join(", ", SubResourcesWithoutRecords)}): the keys they held read as gone");
        if (SkippedSourcePartitions.Count > 0)
            text.AppendLine().Append($"  source partitions never consolidated, between the history and this date: {string.Join(", ", SkippedSourcePartitions.Select(d => d.ToString("yyyy-MM-dd")))}");
        if (LaterPartitions.Count > 0)
            text.AppendLine().Append($"  later partitions built on the history this one replaced: {string.Join(", ", LaterPartitions.Select(d => d.ToString("yyyy-MM-dd")))}");
        return text.ToString();
    }
}

/// <summary>One source of a consolidated table fed by several (<see cref="ConsolidatedStageReport.Sources"/>).</summary>
/// <param name="Rows">Rows of its partition that day.</param>
/// <param name="KeysOnlyHere">Rows it drove: keys no higher-ranked source had (for the main source, all its rows).</param>
/// <param name="RepeatedKeyRows">Rows whose key it had already given: its first row of a key is the one merged.</param>
public sealed record ConsolidatedSourceReport(string Name, string Table, long Rows, long KeysOnlyHere, long RepeatedKeyRows);

/// <summary>
/// A merged column (<see cref="ConsolidatedStageReport.MergedColumns"/>): more than one source has it, or its policy
/// reads the history; how many rows took their value from each source (and from <c>history</c>).
/// </summary>
public sealed record MergedColumnReport(string Column, FieldPolicy Policy, IReadOnlyDictionary<string, long> ValuesFrom);
