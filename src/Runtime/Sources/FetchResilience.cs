using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Sources;

/// <summary>
/// The Polly pipeline one page goes through: Retry (exponential backoff with jitter, or <c>Retry-After</c>) around a
/// per-attempt Timeout. The callback sends the request and reads the whole body, so the timeout covers both and a
/// body cut short of its <c>Content-Length</c> is retried like any transport error.
/// </summary>
public static class FetchResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(FetchRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxAttempts > 1)
        {
            var maxRetryAfter = options.MaxRetryAfter;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(static response => IsTransient(response.StatusCode)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, maxRetryAfter)),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>5xx, 408 Request Timeout and 429 Too Many Requests are worth another attempt; other answers are final.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The server's <c>Retry-After</c> (seconds or a date) on a 429 or 503, capped; null: use the backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value)
        {
            return null;
        }
        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }
}
