namespace Ingest.Sources;

/// <summary>
/// Retries of one page: on HTTP 5xx, 408 and 429, per-attempt timeouts, and transport errors (including a body
/// shorter than its <c>Content-Length</c>), with exponential backoff and jitter, or the server's <c>Retry-After</c>.
/// A 200 whose body is not JSON is never retried: it goes on to the extractor to be quarantined.
/// </summary>
public sealed record FetchRetryOptions
{
    /// <summary>Attempts per page, the first one included (1: no retries).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff; doubled for each retry after it (with jitter), capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public bool UseJitter { get; init; } = true;

    /// <summary>How long one attempt may take, headers and body (at least 10 ms).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured as given; longer ones are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
}
