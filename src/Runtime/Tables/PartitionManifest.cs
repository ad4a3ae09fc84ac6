using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Tables;

/// <summary>
/// <c>_manifest.json</c> in each partition folder: what was committed, by which commit of the code, and when.
/// DuckDB's <c>**/*.parquet</c> glob does not pick it up.
/// </summary>
public sealed record PartitionManifest
{
    public const string FileName = "_manifest.json";

    public int FormatVersion { get; init; } = 1;

    /// <summary><c>namespace/table</c>.</summary>
    public required string Table { get; init; }

    public required DateOnly PartitionDate { get; init; }

    /// <summary>Identifies the write; the commit protocol uses it to tell whether a swap finished.</summary>
    public required string CommitId { get; init; }

    public required long RowCount { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary><see cref="Hashing.SchemaFingerprint.Compute"/> of the Arrow schema written.</summary>
    public required string SchemaFingerprint { get; init; }

    /// <summary>The columns as <c>name</c> and Arrow type (<see cref="Hashing.SchemaFingerprint.TypeName"/>).</summary>
    public required IReadOnlyList<ManifestColumn> Columns { get; init; }

    public string? GitSha { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CommittedAt { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, ManifestJsonContext.Default.PartitionManifest);

    public static PartitionManifest FromJson(string json) =>
        JsonSerializer.Deserialize(json, ManifestJsonContext.Default.PartitionManifest)
        ?? throw new InvalidDataException("The manifest is empty.");
}

/// <summary>One part file of a partition.</summary>
public sealed record ManifestFile(string Path, long Rows, long Bytes, int RowGroups);

/// <summary>One column of a partition.</summary>
public sealed record ManifestColumn(string Name, string Type, bool Nullable);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PartitionManifest))]
[JsonSerializable(typeof(CommitRecord))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

/// <summary>The journal entry that marks a commit durable: which partition folder the staged one replaces.</summary>
internal sealed record CommitRecord(string CommitId, string PartitionFolder);
