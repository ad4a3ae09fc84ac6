namespace Ingest.Simulator;

/// <summary>Decides, deterministically, what happens to each request under a set of <see cref="FaultOptions"/>.</summary>
public static class FaultPlan
{
    /// <param name="requestUrl">Path and query of the request; the same page asked again has the same URL.</param>
    /// <param name="attempt">1 for the first request of this URL, 2 for its first retry, ...</param>
    /// <param name="requestNumber">How many requests the server had seen before this one (for the evening peak).</param>
    public static FaultDecision Decide(FaultOptions options, string requestUrl, int attempt, long requestNumber)
    {
        var urlHash = SimRandom.HashString(requestUrl);
        var random = new SimRandom((ulong)options.Seed, RandomStreams.Fault, urlHash, (ulong)attempt);
        var delay = LatencyOf(options, requestNumber, ref random);
        if (attempt > options.FaultyAttemptsPerUrl)
        {
            return new FaultDecision(FaultKind.None, delay, SchemaDriftKind.None, 0);
        }

        // One roll per knob, in a fixed order, so turning one knob on does not reshuffle the others' decisions.
        var timeout = random.NextDouble() < options.TimeoutRate;
        var tooMany = random.NextDouble() < options.TooManyRequestsRate;
        var serverError = random.NextDouble() < options.ServerErrorRate;
        var truncated = random.NextDouble() < options.TruncatedBodyRate;
        var malformed = random.NextDouble() < options.MalformedJsonRate;
        var drift = random.NextDouble() < options.SchemaDriftRate;
        var entropy = random.NextUInt64();

        var kind = timeout ? FaultKind.Timeout
            : tooMany ? FaultKind.TooManyRequests
            : serverError ? FaultKind.ServerError
            : truncated ? FaultKind.TruncatedBody
            : malformed ? FaultKind.MalformedJson
            : drift ? FaultKind.SchemaDrift
            : FaultKind.None;
        var driftKind = kind == FaultKind.SchemaDrift ? (SchemaDriftKind)(1 + (int)(entropy % 4)) : SchemaDriftKind.None;
        return new FaultDecision(kind, delay, driftKind, entropy);
    }

    private static TimeSpan LatencyOf(FaultOptions options, long requestNumber, ref SimRandom random)
    {
        var peak = options.PeakAfterRequests is { } after && requestNumber >= after;
        var latency = peak ? options.PeakLatency : options.Latency;
        var jitter = (random.NextDouble() * 2 - 1) * options.Jitter.TotalMilliseconds;
        var milliseconds = Math.Max(0, latency.TotalMilliseconds + jitter);
        return TimeSpan.FromMilliseconds(Math.Round(milliseconds, 3));
    }
}
