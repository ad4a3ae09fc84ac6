namespace Ingest.Sources;

/// <summary>
/// A paged HTTP source: where it is, how it pages, how politely it asks. See <see cref="KnownSources"/> for the
/// shipped upstreams.
/// </summary>
public sealed record PagedSourceOptions
{
    /// <summary>The raw tier's <c>source</c> value, e.g. <c>stellantis_inventory</c>.</summary>
    public required string SourceName { get; init; }

    /// <summary>The upstream's root, e.g. <c>https://www.jeep.com/</c> or a simulator's base address.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>
    /// Path and fixed query relative to <see cref="BaseAddress"/>, with <c>{subResource}</c> where the sub-resource's
    /// name goes, e.g. <c>hostd/inventory/getinventoryresults.json?zip=10001&amp;radius=50&amp;modelYearCode={subResource}</c>;
    /// the strategy's page parameters are appended.
    /// </summary>
    public required string RequestPath { get; init; }

    public required IPaginationStrategy Pagination { get; init; }

    /// <summary>Records asked per page; keep it at or under the upstream's cap (Stellantis 500, Mercedes 100), or every page looks short.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Sent as <c>Referer</c> (the real Stellantis API expects <c>https://www.jeep.com/new-inventory</c>); null: none.</summary>
    public string? Referer { get; init; }

    /// <summary>Rotated per request, attempts included.</summary>
    public IReadOnlyList<string> UserAgents { get; init; } = BrowserUserAgents.Desktop;

    /// <summary>
    /// Pages in progress at once against this source's host (all sub-resources together), retries and backoff
    /// included: a page waiting out a <c>Retry-After</c> keeps its slot. Polite default 2.
    /// </summary>
    public int Concurrency { get; init; } = 2;

    /// <summary>
    /// Pages fetched or in flight ahead of the one the consumer waits for (pages are yielded in page order). Bounds
    /// memory at about this many bodies; 0: twice <see cref="Concurrency"/>.
    /// </summary>
    public int ReorderWindow { get; init; }

    public FetchRetryOptions Retry { get; init; } = new();

    /// <summary>A guard against an upstream that never ends a sub-resource.</summary>
    public int MaxPages { get; init; } = 100_000;

    /// <summary>When set, each sub-resource's pages are checked for duplicate keys and a shortfall against the total.</summary>
    public RecordKeyPath? RecordKeys { get; init; }

    internal int EffectiveReorderWindow => ReorderWindow > 0 ? ReorderWindow : 2 * Math.Max(1, Concurrency);
}
