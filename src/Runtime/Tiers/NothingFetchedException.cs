namespace Ingest.Tiers;

/// <summary>
/// The raw stage fetched no page: every page it asked for failed after its retries (the upstream down, refusing the
/// connection, or answering only errors). A committed snapshot of the partition is never replaced by failures (the
/// failed pages are committed as rows only where there is none); <see cref="Exception.Message"/> says which happened,
/// names the first failure and what to check.
/// </summary>
public sealed class NothingFetchedException(string message, int failedPages, IReadOnlyList<string> errors) : Exception(message)
{
    /// <summary>Pages asked for before the stage stopped, all failed.</summary>
    public int FailedPages { get; } = failedPages;

    /// <summary>The first failures' reasons (at most a few), each naming its page and sub-resource.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
