namespace Ingest.Sources;

/// <summary>
/// One HTTP attempt of a page: when it started (UTC), how long it took, the status it got (0: none) and, when it
/// failed, why. Retries show up as several attempts; the gap between one attempt's end and the next one's start is
/// the backoff (or the server's <c>Retry-After</c>).
/// </summary>
public sealed record PageAttempt(int Number, DateTimeOffset StartedAt, TimeSpan Elapsed, int Status, string? Error)
{
    public DateTimeOffset EndedAt => StartedAt + Elapsed;
}
