using Microsoft.AspNetCore.Http;

namespace Ingest.Simulator;

/// <summary>
/// Answers a data request under the current fault options: counts it, waits out latency, then either fails it
/// (timeout, 429, 5xx) or renders the body and damages it (truncated, malformed, drifted) before writing it.
/// </summary>
internal static class FaultingResponder
{
    public const string DelayHeader = "X-Sim-Delay-Ms";
    public const string FaultHeader = "X-Sim-Fault";

    /// <param name="render">Writes the body; gets the schema drift to apply (None when the page is clean).</param>
    /// <param name="bodySizeHint">Bytes to rent for the body up front (a page that fits is never copied to grow).</param>
    public static async Task RespondAsync(HttpContext context, SimulatorState state, Action<PooledBufferWriter, SchemaDriftKind> render, Action? afterSuccess = null,
        int bodySizeHint = 64 * 1024)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value ?? "";
        var receivedAt = DateTimeOffset.UtcNow;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Read now: an aborted request's headers are gone by the time it is logged.
        var userAgent = request.Headers.UserAgent.ToString();
        var referer = request.Headers.Referer.ToString();
        var (sequence, attempt, endedByReset) = state.Register(path, path + query);
        var faults = state.Faults;
        var decision = FaultPlan.Decide(faults, path + query, attempt, sequence);
        var response = context.Response;
        response.Headers[DelayHeader] = decision.Delay.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[FaultHeader] = decision.Kind == FaultKind.SchemaDrift ? $"{decision.Kind}:{decision.Drift}" : decision.Kind.ToString();
        // The client going away, or a reset of the server's log, ends the request.
        using var endedBy = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, endedByReset);
        var ct = endedBy.Token;
        var status = StatusCodes.Status200OK;
        // A response with a body is logged before the body is sent: a client that has read its response then always
        // finds the request in the log (logged after, the entry could still be missing when the client looks).
        var logged = false;
        void Log()
        {
            if (logged) return;
            logged = true;
            state.Requests.Add(new RequestLogEntry(sequence, path, query, attempt, decision.Kind, decision.Delay, status,
                receivedAt, System.Diagnostics.Stopwatch.GetElapsedTime(started),
                userAgent.Length == 0 ? null : userAgent, referer.Length == 0 ? null : referer));
        }

        try
        {
            if (decision.Delay > TimeSpan.Zero)
            {
                await Task.Delay(decision.Delay, ct);
            }

            switch (decision.Kind)
            {
                case FaultKind.Timeout:
                    // Hold the request past any reasonable client timeout; a client that gives up ends the wait.
                    await Task.Delay(faults.TimeoutHold, ct);
                    status = StatusCodes.Status504GatewayTimeout;
                    response.StatusCode = status;
                    return;
                case FaultKind.TooManyRequests:
                    status = StatusCodes.Status429TooManyRequests;
                    response.StatusCode = status;
                    response.Headers.RetryAfter = Math.Max(0, (int)Math.Ceiling(faults.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return;
                case FaultKind.ServerError:
                    status = (decision.Entropy % 3) switch { 0 => 500, 1 => 502, _ => 503 };
                    response.StatusCode = status;
                    response.ContentType = "text/html";
                    // With its length, as the error pages of real front ends come: a client reads it like any body.
                    byte[] page = System.Text.Encoding.UTF8.GetBytes($"<html><body><h1>{status}</h1>Upstream error, please retry.</body></html>");
                    response.ContentLength = page.Length;
                    Log();
                    await response.Body.WriteAsync(page, ct);
                    return;
            }

            using var body = new PooledBufferWriter(bodySizeHint);
            render(body, decision.Kind == FaultKind.SchemaDrift ? decision.Drift : SchemaDriftKind.None);
            if (decision.Kind == FaultKind.TruncatedBody)
            {
                body.Truncate(BodyCorruption.TruncatedLength(body.WrittenCount, decision.Entropy));
            }
            else if (decision.Kind == FaultKind.MalformedJson)
            {
                body.Truncate(BodyCorruption.Malform(body.WrittenSpan, decision.Entropy));
            }

            response.ContentType = "application/json;charset=UTF-8";
            response.ContentLength = body.WrittenCount;
            Log();
            await response.Body.WriteAsync(body.WrittenMemory, ct);
            if (decision.Kind is FaultKind.None or FaultKind.SchemaDrift)
            {
                afterSuccess?.Invoke();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status = 499; // the client went away (nginx's "client closed request"), or a reset ended the request
            if (!context.RequestAborted.IsCancellationRequested) context.Abort(); // the client must not wait for an answer
        }
        finally
        {
            Log(); // responses without a body (429, a held request, a client gone) go out after this handler returns
        }
    }
}
