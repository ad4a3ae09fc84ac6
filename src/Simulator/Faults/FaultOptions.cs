namespace Ingest.Simulator;

/// <summary>
/// Fault knobs, each off by default. Every decision is a hash of (<see cref="Seed"/>, the request's path and query,
/// attempt number), so a run is repeatable, and attempts past <see cref="FaultyAttemptsPerUrl"/> always succeed so
/// that retries of the same page can win. Serialised as JSON for the admin endpoint (<c>PUT /_sim/faults</c>).
/// </summary>
public sealed record FaultOptions
{
    public static FaultOptions None { get; } = new();

    /// <summary>The latency the seed's notes observed: ~0.3 s a page, ~0.6 s at evening peak, with some jitter.</summary>
    public static FaultOptions ObservedLatency { get; } = new()
    {
        Latency = TimeSpan.FromSeconds(0.3),
        PeakLatency = TimeSpan.FromSeconds(0.6),
        Jitter = TimeSpan.FromSeconds(0.05),
    };

    public int Seed { get; init; } = 1;

    /// <summary>Added to every page response before its first byte.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Replaces <see cref="Latency"/> while the evening peak is on.</summary>
    public TimeSpan PeakLatency { get; init; }

    /// <summary>The evening peak starts after this many requests (0: from the start); null: never.</summary>
    public int? PeakAfterRequests { get; init; }

    /// <summary>Uniform jitter of ± this much around the latency (never below zero).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Share of attempts answered with HTTP 500/502/503.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of attempts answered with HTTP 429 and <c>Retry-After</c>.</summary>
    public double TooManyRequestsRate { get; init; }

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of attempts the server holds beyond any sensible client timeout.</summary>
    public double TimeoutRate { get; init; }

    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(100);

    public double TruncatedBodyRate { get; init; }

    public double MalformedJsonRate { get; init; }

    public double SchemaDriftRate { get; init; }

    /// <summary>
    /// When set, once page k (1-based) of a search has been served, later pages of that search see the inventory
    /// with one row inserted or removed before page k's end (<see cref="RowShiftKind"/>), as a live inventory does.
    /// </summary>
    public int? RowShiftAfterPage { get; init; }

    public RowShiftKind RowShiftKind { get; init; } = RowShiftKind.Insertion;

    /// <summary>Attempts of one URL beyond this number are never faulted.</summary>
    public int FaultyAttemptsPerUrl { get; init; } = 3;
}
