namespace Ingest.Sources;

/// <summary>A page that failed after its retries, as the <see cref="FetchReport"/> lists it.</summary>
public sealed record FailedPage(SubResource SubResource, int PageNumber, Uri RequestUrl, PageOutcome Outcome, int Status, int Attempts, string Error)
{
    public override string ToString() => $"{SubResource} page {PageNumber}: {Outcome} after {Attempts} attempt(s): {Error} ({RequestUrl})";
}
