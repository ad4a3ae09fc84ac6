using System.Text;
using Ingest.Extraction;

namespace Ingest.Tiers;

/// <summary>
/// What a transformed stage did: raw pages in, rows out, pages failed upstream (counted, not extracted), pages
/// quarantined, coercion failures by column, key duplicates and conflicts, bytes, time and memory.
/// </summary>
public sealed record TransformedStageReport
{
    /// <summary><c>namespace/table</c>.</summary>
    public required string Table { get; init; }

    public required string QuarantineTable { get; init; }

    public required DateOnly PartitionDate { get; init; }

    public required string CommitId { get; init; }

    /// <summary>Raw rows read (one per page).</summary>
    public required long RowsIn { get; init; }

    /// <summary>Rows of the committed partition: extracted rows less the duplicates dropped.</summary>
    public required long RowsOut { get; init; }

    /// <summary>Records the extractor produced from the pages (before duplicates are dropped).</summary>
    public required long RowsExtracted { get; init; }

    /// <summary>Raw rows whose outcome is a failure (HTTP error, no answer, error envelope): counted, not extracted.</summary>
    public required long FailedPages { get; init; }

    /// <summary>Pages that are not valid JSON, written with their bytes to the quarantine table.</summary>
    public required IReadOnlyList<QuarantinedPage> QuarantinedPages { get; init; }

    /// <summary>Values that could not be coerced (nulled), by column, merged over every batch, with a few samples each.</summary>
    public required IReadOnlyList<ColumnFailures> CoercionFailures { get; init; }

    public required IReadOnlyList<UnknownField> UnknownFields { get; init; }

    /// <summary>Pages that parsed but held no records where the entity expects them.</summary>
    public required long PagesWithoutRecords { get; init; }

    public required long SkippedRecords { get; init; }

    /// <summary>Rows whose key repeats an earlier row's with the same values (<c>_snapshot</c>): dropped.</summary>
    public required long DuplicateRows { get; init; }

    /// <summary>
    /// Rows whose key repeats an earlier row's with other values: dropped (the first row wins). Counted, not sampled;
    /// the key index tells "other values" by 16 bits of <c>_snapshot</c>, so one conflicting row in 65,536 would be
    /// counted as a duplicate instead (<see cref="KeyIndex"/>).
    /// </summary>
    public required long ConflictingRows { get; init; }

    /// <summary>Distinct keys with at least one conflicting row. Counted, not sampled (see <see cref="ConflictingRows"/>).</summary>
    public required long ConflictingKeys { get; init; }

    /// <summary>Field-level differences for the first <see cref="TransformedStageOptions.MaxConflictDetails"/> conflicting keys.</summary>
    public required IReadOnlyList<KeyConflict> ConflictDetails { get; init; }

    /// <summary>Rows with a null key column: kept, never deduplicated.</summary>
    public required long NullKeyRows { get; init; }

    /// <summary>Raw page body bytes read.</summary>
    public required long BytesIn { get; init; }

    /// <summary>Bytes of the committed partition's Parquet files.</summary>
    public required long FileBytes { get; init; }

    /// <summary>
    /// The table's other partitions written with another schema (the entity changed since), with what differs: read
    /// the table by column name, or re-run the stage for them. Empty when the table has one schema.
    /// </summary>
    public IReadOnlyList<Tables.SchemaDifference> SchemaDifferences { get; init; } = [];

    public required StageTimings Timings { get; init; }

    public required StageMemory Memory { get; init; }

    public long CoercionFailureCount => CoercionFailures.Sum(f => (long)f.Count);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"transformed {Table} {PartitionDate:yyyy-MM-dd}: {RowsIn:N0} raw pages -> {RowsOut:N0} rows ")
            .Append($"({RowsExtracted:N0} extracted, {DuplicateRows:N0} duplicates and {ConflictingRows:N0} conflicting rows over {ConflictingKeys:N0} keys dropped), ")
            .Append($"{FailedPages:N0} failed pages, {QuarantinedPages.Count:N0} quarantined to {QuarantineTable}, {CoercionFailureCount:N0} coercion failures, ")
            .Append($"{BytesIn / 1e6:N1} MB in, {FileBytes / 1e6:N1} MB written; ").Append(Timings).Append("; ").Append(Memory);
        foreach (ColumnFailures failures in CoercionFailures)
            text.AppendLine().Append($"  {failures.Column}: {failures.Count:N0} values not coerced, e.g. {string.Join(", ", failures.Samples.Select(s => $"'{s.RawText}' ({s.Page})"))}");
        foreach (QuarantinedPage page in QuarantinedPages.Take(10))
            text.AppendLine().Append($"  {page.Page} is not valid JSON ({page.Reason}); quarantined to {QuarantineTable}");
        foreach (KeyConflict conflict in ConflictDetails.Take(10))
            text.AppendLine().Append("  ").Append(conflict);
        foreach (Tables.SchemaDifference difference in SchemaDifferences)
            text.AppendLine().Append($"  this partition's schema against {difference}");
        return text.ToString();
    }
}

/// <summary>A page that is not valid JSON: its label (<c>&lt;sub_resource&gt; page &lt;n&gt;</c>), why, and its size.</summary>
public sealed record QuarantinedPage(string SubResource, string Page, string Reason, int Bytes);

/// <summary>
/// Rows sharing a key with different values: the winner (the first in raw page order) and the first row that
/// differs from it, with the fields that differ.
/// </summary>
public sealed record KeyConflict(string Key, string WinnerPage, int WinnerRecord, string OtherPage, int OtherRecord, IReadOnlyList<FieldDifference> Fields)
{
    public override string ToString() =>
        $"key {Key}: {WinnerPage} record {WinnerRecord} kept, {OtherPage} record {OtherRecord} dropped; " +
        string.Join(", ", Fields.Select(f => $"{f.Column} '{f.Winner}' vs '{f.Other}'"));
}

/// <summary>One field of a conflict: the kept value and the dropped one (null: null).</summary>
public sealed record FieldDifference(string Column, string? Winner, string? Other);
