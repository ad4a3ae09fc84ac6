namespace Ingest.Sources;

/// <summary>How fetching one sub-resource went.</summary>
/// <param name="Completed">False when the consumer stopped early or the run was cancelled.</param>
/// <param name="StopReason">Why paging stopped, in words (the total was reached, a short page, page 1 failed...).</param>
/// <param name="FirstTotal">The total page 1 stated (null when it stated none).</param>
/// <param name="NotJsonPages">Pages answered 200 whose body is not JSON (passed on for quarantine, not retried).</param>
/// <param name="Attempts">HTTP attempts made, retries included.</param>
/// <param name="PeakInFlight">The most pages of this sub-resource in progress at once.</param>
/// <param name="Continuity">Duplicates and shortfall, when the source knows its records' key path.</param>
public sealed record SubResourceReport(
    SubResource SubResource,
    bool Completed,
    string StopReason,
    int Pages,
    long Bytes,
    long? FirstTotal,
    IReadOnlyList<FailedPage> FailedPages,
    IReadOnlyList<int> NotJsonPages,
    int Attempts,
    int PeakInFlight,
    TimeSpan Elapsed,
    ContinuityReport? Continuity)
{
    public int Retries => Attempts - Pages;

    public override string ToString() =>
        $"{SubResource}: {Pages:N0} pages, {Bytes / 1e6:N1} MB, {Retries} retries, {FailedPages.Count} failed, {NotJsonPages.Count} not JSON, " +
        $"{Elapsed.TotalSeconds:N1} s; {StopReason}" + (Continuity is { } c ? $"; {c}" : "") + (Completed ? "" : " (not completed)");
}
