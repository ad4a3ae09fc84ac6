namespace Ingest.Sources;

/// <summary>
/// One fetched page as the raw tier stores it: where it came from (<see cref="Source"/>, <see cref="SubResource"/>,
/// <see cref="RequestUrl"/>, <see cref="PageNumber"/>), what happened (<see cref="Status"/>, <see cref="Attempts"/>,
/// <see cref="Elapsed"/>, <see cref="Outcome"/>, <see cref="Error"/>) and the body's bytes, untouched.
/// </summary>
/// <remarks>
/// A failed page (<see cref="IsFailed"/>) is yielded like any other, with the reason in <see cref="Error"/> and the
/// last answer's body if there was one, so nothing is skipped silently. <see cref="Body"/> is owned by the page
/// (a fresh array): keep it as long as you like. Only the raw stage reads bodies into pooled arrays
/// (<see cref="BodyIsRented"/>), which it gives back once each page is staged.
/// </remarks>
public sealed record RawPage
{
    /// <summary>The source's name (the raw tier's <c>source</c> column), e.g. <c>stellantis_inventory</c>.</summary>
    public required string Source { get; init; }

    public required SubResource SubResource { get; init; }

    public required Uri RequestUrl { get; init; }

    /// <summary>1-based, whatever the upstream's own page parameter is (a 0-based index for Mercedes).</summary>
    public required int PageNumber { get; init; }

    /// <summary>When the last attempt's answer had been read (UTC).</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>HTTP status of the last attempt; 0 when no attempt got an answer.</summary>
    public required int Status { get; init; }

    /// <summary>HTTP attempts made for this page (1 when the first one worked).</summary>
    public int Attempts => AttemptLog.Count;

    /// <summary>From the first attempt's start to the last one's end, backoff included.</summary>
    public required TimeSpan Elapsed { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>True when <see cref="Body"/> is a view of an array rented from the raw stage's body pool.</summary>
    internal bool BodyIsRented { get; init; }

    /// <summary>The records' keys, read with the envelope in one pass over the body (null when they were not).</summary>
    internal IReadOnlyList<PageKey>? Keys { get; init; }

    public required PageOutcome Outcome { get; init; }

    /// <summary>
    /// Why the page failed (what the server said, or what went wrong on the last attempt), or for
    /// <see cref="PageOutcome.NotJson"/> what the JSON reader objected to; null for a clean page.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>The upstream's total count as this page states it (null when the page has none or is not JSON).</summary>
    public long? TotalCount { get; init; }

    /// <summary>Records on this page (null when the page is not JSON or failed).</summary>
    public int? RecordCount { get; init; }

    public required IReadOnlyList<PageAttempt> AttemptLog { get; init; }

    public bool IsFailed => Outcome is PageOutcome.ErrorEnvelope or PageOutcome.HttpError or PageOutcome.NoResponse;

    public override string ToString() =>
        $"{Source} {SubResource} page {PageNumber}: {Outcome}, HTTP {Status}, {Body.Length:N0} bytes, {Attempts} attempt(s), {Elapsed.TotalMilliseconds:0} ms" +
        (Error is null ? "" : $" ({Error})");
}
