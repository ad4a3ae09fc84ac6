namespace Ingest.Sources;

/// <summary>What became of one page after its retries.</summary>
public enum PageOutcome
{
    /// <summary>HTTP 2xx and a JSON page the upstream calls a success.</summary>
    Fetched,

    /// <summary>
    /// HTTP 2xx but not valid JSON (a malformed or undetectably truncated body). Not a fetch failure and not retried:
    /// the page goes on to the extractor, which quarantines it with its bytes.
    /// </summary>
    NotJson,

    /// <summary>HTTP 200 with the upstream's error envelope (e.g. <c>result.result != "SUCCESS"</c>); failed.</summary>
    ErrorEnvelope,

    /// <summary>A non-2xx answer: not transient, or still transient after the last attempt; failed.</summary>
    HttpError,

    /// <summary>No answer at all: timeouts or transport errors on every attempt; failed.</summary>
    NoResponse,
}
