using Ingest.Sources;
using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>What the raw stage fetches and how it stages it.</summary>
public sealed record RawStageOptions
{
    /// <summary>The upstream; its <see cref="PagedSourceOptions.SourceName"/> is the <c>source</c> column and the default table name.</summary>
    public required PagedSourceOptions Source { get; init; }

    /// <summary>Fetched in this order, one after another; each is a resumable segment of the partition.</summary>
    public required IReadOnlyList<SubResource> SubResources { get; init; }

    public string Namespace { get; init; } = RawTier.DefaultNamespace;

    /// <summary>The raw table; null: <see cref="PagedSourceOptions.SourceName"/>.</summary>
    public string? Table { get; init; }

    /// <summary>Ignore staging an interrupted run left and fetch every sub-resource again (<c>--fresh</c>).</summary>
    public bool ForceFresh { get; init; }

    /// <summary>Pages buffered before they are built into a batch and handed to the writer (default 8)…</summary>
    public int PagesPerBatch { get; init; } = 8;

    /// <summary>…or once their bodies reach this many bytes (default 8 MiB), whichever comes first.</summary>
    public long BatchBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// Row groups of the raw table are cut at about this many bytes (default 4 MiB, a few dozen ~110 KB pages), so
    /// neither this stage nor the transformed stage reading it back (a row group at a time) holds more than that many
    /// page bodies at once.
    /// </summary>
    public long RowGroupBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// Page compression of the raw table (default Zstd, level 1). Page bodies are JSON, read back whole by every
    /// transformed stage: on the national Jeep partition (527 MB of bodies) Zstd stored 36 MB and read back in 0.26 s,
    /// Snappy 92 MB and 0.34 s, LZ4 67 MB and 0.16 s (benchmarks/README.md, "Raw tier compression").
    /// </summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Zstd;

    /// <summary>Table store options (git SHA, commit hooks); <see cref="RowGroupBytes"/> and <see cref="Compression"/> override its own.</summary>
    public TableStoreOptions? Store { get; init; }

    /// <summary>An HTTP client to share (infinite timeout; attempts are timed by the source); null: the source's own.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// Called after each page is staged (progress; tests stop a run with it). The page's body may be a pooled array that
    /// serves another page once the call returns: copy what you keep of it.
    /// </summary>
    public Action<RawPage>? OnPage { get; init; }

    internal string TableName => Table ?? Source.SourceName;
}
