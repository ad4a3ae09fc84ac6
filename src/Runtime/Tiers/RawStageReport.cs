using System.Text;
using Ingest.Sources;

namespace Ingest.Tiers;

/// <summary>What a raw stage did: pages in and rows out, what it fetched and what it resumed, failures, bytes, time and memory.</summary>
public sealed record RawStageReport
{
    /// <summary><c>namespace/table</c>.</summary>
    public required string Table { get; init; }

    public required DateOnly PartitionDate { get; init; }

    public required string CommitId { get; init; }

    /// <summary>Pages that make up the partition: fetched by this run plus staged by earlier runs.</summary>
    public required long RowsIn { get; init; }

    /// <summary>Rows of the committed partition (one per page).</summary>
    public required long RowsOut { get; init; }

    /// <summary>Pages fetched by this run.</summary>
    public required int PagesFetched { get; init; }

    /// <summary>Pages an interrupted run had staged, committed without fetching them again.</summary>
    public required long PagesResumed { get; init; }

    /// <summary>Pages of this run that failed after their retries (rows with their status and error).</summary>
    public required int FailedPages { get; init; }

    /// <summary>Pages of this run answered 200 but not JSON (rows; the transformed stage quarantines them).</summary>
    public required int NotJsonPages { get; init; }

    /// <summary>Body bytes fetched by this run.</summary>
    public required long BytesFetched { get; init; }

    /// <summary>Bytes of the committed partition's Parquet files.</summary>
    public required long FileBytes { get; init; }

    public required IReadOnlyList<RawSubResourceResult> SubResources { get; init; }

    /// <summary>Why staging found at the start was thrown away (fresh run asked, schema changed, other sub-resources), or null.</summary>
    public string? DiscardedStaging { get; init; }

    /// <summary>Sub-resources an interrupted run had staged with failed pages, fetched again by this one.</summary>
    public IReadOnlyList<string> RefetchedSubResources { get; init; } = [];

    /// <summary>The page source's report for what this run fetched (retries, continuity), when fetched over HTTP.</summary>
    public FetchReport? Fetch { get; init; }

    public required StageTimings Timings { get; init; }

    public required StageMemory Memory { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"raw {Table} {PartitionDate:yyyy-MM-dd}: {RowsOut:N0} pages committed ({PagesFetched:N0} fetched, {PagesResumed:N0} resumed), ")
            .Append($"{FailedPages} failed, {NotJsonPages} not JSON, {BytesFetched / 1e6:N1} MB fetched, {FileBytes / 1e6:N1} MB written; ")
            .Append(Timings).Append("; ").Append(Memory);
        if (DiscardedStaging is not null) text.Append("; discarded earlier staging: ").Append(DiscardedStaging);
        return text.ToString();
    }
}

/// <summary>One sub-resource of a raw stage: its pages, and whether they came from an earlier run's staging.</summary>
public sealed record RawSubResourceResult(string SubResource, long Pages, int FailedPages, int NotJsonPages, long Bytes, bool Resumed);
