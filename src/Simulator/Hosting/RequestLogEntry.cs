namespace Ingest.Simulator;

/// <summary>
/// One request the server answered: what was asked, which attempt of that URL it was, and what the server did; when
/// it arrived and how long the server took to answer it (including any latency or hold; for a response with a body,
/// until the body was ready to send, which is when the entry is logged), and the client's <c>User-Agent</c> and
/// <c>Referer</c> headers (null when absent).
/// </summary>
public sealed record RequestLogEntry(
    long Sequence,
    string Path,
    string Query,
    int Attempt,
    FaultKind Fault,
    TimeSpan Delay,
    int StatusCode,
    DateTimeOffset ReceivedAt = default,
    TimeSpan Duration = default,
    string? UserAgent = null,
    string? Referer = null)
{
    /// <summary>When the server finished answering (or saw the client go away).</summary>
    public DateTimeOffset CompletedAt => ReceivedAt + Duration;
}
