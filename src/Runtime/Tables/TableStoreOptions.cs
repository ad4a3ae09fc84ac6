namespace Ingest.Tables;

/// <summary>How partitions are written. The defaults suit readers (DuckDB, Spark, Polars, Trino).</summary>
public sealed record TableStoreOptions
{
    /// <summary>A row group is written once this many rows are buffered (default 128 Ki).</summary>
    public int RowGroupRows { get; init; } = 128 * 1024;

    /// <summary>…or once the buffered columns reach about this many bytes (default 64 MiB), whichever comes first.</summary>
    public long RowGroupBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A new part file is started after a row group leaves the current one at or over this size (default 256 MiB).</summary>
    public long FileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Page compression (default Snappy, as DuckDB and Spark write by default). The raw stage sets its own
    /// (<c>RawStageOptions.Compression</c>, Zstd): page bodies are kept long and read back whole.
    /// </summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Which library encodes part files (default parquet-cpp through ParquetSharp; see <see cref="ParquetWriterEngine"/>).</summary>
    public ParquetWriterEngine Writer { get; init; } = ParquetWriterEngine.ParquetSharp;

    /// <summary>The commit that produced the data, recorded in every manifest (e.g. from <c>INGEST_GIT_SHA</c>).</summary>
    public string? GitSha { get; init; }

    /// <summary>
    /// Swap a partition in with one atomic exchange of directories where the OS has it (Linux <c>renameat2</c>),
    /// so readers never see the partition missing; otherwise, or when false, with two renames.
    /// </summary>
    public bool UseAtomicExchange { get; init; } = true;

    /// <summary>Called after each step of a commit: for progress, and for tests that stop a writer at a given step.</summary>
    public Action<CommitStep>? OnCommitStep { get; init; }

    /// <summary>The git SHA from <c>INGEST_GIT_SHA</c>, if set.</summary>
    public static string? GitShaFromEnvironment() => Environment.GetEnvironmentVariable("INGEST_GIT_SHA");
}
