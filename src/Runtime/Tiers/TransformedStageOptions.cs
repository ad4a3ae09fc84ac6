using System.Globalization;
using Ingest.Extraction;
using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>Where the transformed stage reads and writes, and its chunk sizes.</summary>
public sealed record TransformedStageOptions
{
    /// <summary>The environment variable that sets <see cref="WriteChunkRows"/> (as in the seed).</summary>
    public const string WriteChunkSizeVariable = "TRANSFORMED_WRITE_CHUNK_SIZE";

    public const int DefaultWriteChunkRows = 50_000;

    public const string DefaultNamespace = "transformed";

    /// <summary>The raw table to read (usually the source's name, e.g. <c>stellantis_inventory</c>).</summary>
    public required string RawTable { get; init; }

    public string RawNamespace { get; init; } = RawTier.DefaultNamespace;

    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>The output table; null: the entity's table. Quarantined pages go to <c>&lt;table&gt;_quarantine</c> beside it.</summary>
    public string? Table { get; init; }

    /// <summary>Rows per write chunk (one Parquet row group each); default <see cref="WriteChunkRowsFromEnvironment"/>.</summary>
    public int WriteChunkRows { get; init; } = WriteChunkRowsFromEnvironment();

    /// <summary>Rows per extracted batch (the extractor's own default suits the CPU caches).</summary>
    public int ExtractBatchRows { get; init; } = EntityExtractor.DefaultBatchSize;

    /// <summary>Keys whose conflicts are reported field by field (the seed's <c>_MAX_DISC</c>); all conflicts are still counted.</summary>
    public int MaxConflictDetails { get; init; } = 50;

    /// <summary>Table store options; <see cref="WriteChunkRows"/> overrides its row-group rows.</summary>
    public TableStoreOptions? Store { get; init; }

    /// <summary><c>TRANSFORMED_WRITE_CHUNK_SIZE</c> when set to a positive integer, else 50,000.</summary>
    public static int WriteChunkRowsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(WriteChunkSizeVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int rows) && rows > 0
            ? rows
            : DefaultWriteChunkRows;
}
