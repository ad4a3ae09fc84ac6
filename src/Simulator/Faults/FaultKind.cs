namespace Ingest.Simulator;

/// <summary>What went wrong with one response, if anything.</summary>
public enum FaultKind
{
    None,
    /// <summary>HTTP 500, 502 or 503 with an HTML body.</summary>
    ServerError,
    /// <summary>HTTP 429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,
    /// <summary>The server holds the request (until the client gives up or <see cref="FaultOptions.TimeoutHold"/> passes, then 504).</summary>
    Timeout,
    /// <summary>HTTP 200 whose JSON body is cut short (the HTTP framing itself is correct).</summary>
    TruncatedBody,
    /// <summary>HTTP 200 whose body is not valid JSON (a missing comma).</summary>
    MalformedJson,
    /// <summary>HTTP 200, valid JSON, but the page's shape drifted (see <see cref="SchemaDriftKind"/>).</summary>
    SchemaDrift,
}
