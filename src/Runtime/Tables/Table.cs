using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Ingest.Tables;

/// <summary>
/// A table: a folder of Parquet files in Hive layout, <c>partition_date=YYYY-MM-DD/part-NNNNN.parquet</c>, that
/// DuckDB reads as it is with <c>read_parquet('&lt;table&gt;/**/*.parquet', hive_partitioning = true, union_by_name = true)</c>
/// (by name, so partitions written before a column was added read as null in it: see <see cref="SchemaDifferences"/>).
/// Open one with <see cref="TableStore.OpenTable"/>.
/// </summary>
public sealed class Table
{
    private readonly TableLayout _layout;
    private readonly TableStoreOptions _options;

    internal Table(TableLayout layout, string @namespace, string name, TableStoreOptions options, IReadOnlyList<RecoveredWrite> recovered)
    {
        _layout = layout;
        _options = options;
        Namespace = @namespace;
        Name = name;
        Recovered = recovered;
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The table's folder.</summary>
    public string Location => _layout.TablePath;

    /// <summary>The glob of the table's data files, for <c>read_parquet</c> and the like.</summary>
    public string ParquetGlob => Path.Combine(_layout.TablePath, "**", "*.parquet");

    /// <summary>Interrupted writes found when the table was opened, and what was done with each.</summary>
    public IReadOnlyList<RecoveredWrite> Recovered { get; }

    /// <summary>Starts writing (replacing) a partition. Dispose the writer; only <see cref="PartitionWriter.CommitAsync"/> makes it visible.</summary>
    public PartitionWriter CreatePartitionWriter(DateOnly partitionDate, Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new PartitionWriter(_layout, $"{Namespace}/{Name}", partitionDate, schema, _options);
    }

    /// <summary>
    /// Starts or resumes staging a partition in segments that survive the process (see
    /// <see cref="ResumablePartitionWriter"/>). With <paramref name="fresh"/>, staging left by an earlier run is
    /// discarded. Throws <see cref="IOException"/> while another writer stages the same partition.
    /// </summary>
    public ResumablePartitionWriter OpenResumablePartitionWriter(DateOnly partitionDate, Schema schema, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return ResumablePartitionWriter.Open(_layout, $"{Namespace}/{Name}", partitionDate, schema, _options, fresh);
    }

    /// <summary>The partitions with resumable staging left by an earlier run (not committed), oldest first.</summary>
    public IReadOnlyList<DateOnly> StagedPartitions()
    {
        var dates = new List<DateOnly>();
        if (!Directory.Exists(_layout.ResumablePath)) return dates;
        foreach (string folder in Directory.EnumerateDirectories(_layout.ResumablePath))
        {
            if (TableLayout.TryParsePartitionFolder(Path.GetFileName(folder), out DateOnly date)
                && File.Exists(Path.Combine(folder, ResumablePartitionWriter.StagingFileName)))
                dates.Add(date);
        }
        dates.Sort();
        return dates;
    }

    /// <summary>
    /// Removes a committed partition: one rename takes it out of the table (a reader lists it whole or not at all), then
    /// it is deleted. A crash between the two leaves it in the table's work folder, which the next open deletes
    /// (<see cref="RecoveryAction.DropFinished"/>). Returns false when there is no such partition.
    /// </summary>
    public bool DropPartition(DateOnly partitionDate)
    {
        string partition = _layout.PartitionPath(partitionDate);
        if (!Directory.Exists(partition)) return false;
        var transaction = new TransactionLayout(_layout.WorkPath, $"drop-{partitionDate:yyyyMMdd}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(transaction.Root);
        using (new FileStream(transaction.LockPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            Directory.Move(partition, transaction.PreviousPath);
        Directory.Delete(transaction.Root, recursive: true);
        return true;
    }

    /// <summary>The committed partitions, oldest first.</summary>
    public IReadOnlyList<DateOnly> Partitions()
    {
        var dates = new List<DateOnly>();
        if (!Directory.Exists(_layout.TablePath)) return dates;
        foreach (string folder in Directory.EnumerateDirectories(_layout.TablePath))
            if (TableLayout.TryParsePartitionFolder(Path.GetFileName(folder), out DateOnly date)) dates.Add(date);
        dates.Sort();
        return dates;
    }

    /// <summary>The partition's manifest, or null when the partition does not exist.</summary>
    public PartitionManifest? ReadManifest(DateOnly partitionDate)
    {
        string path = Path.Combine(_layout.PartitionPath(partitionDate), PartitionManifest.FileName);
        return File.Exists(path) ? PartitionManifest.FromJson(File.ReadAllText(path)) : null;
    }

    /// <summary>
    /// The other committed partitions whose schema is not <paramref name="partitionDate"/>'s, grouped by their schema,
    /// oldest first, with what differs; empty when the whole table has one schema. Reads the manifests only.
    /// </summary>
    public IReadOnlyList<SchemaDifference> SchemaDifferences(DateOnly partitionDate)
    {
        PartitionManifest ours = ReadManifest(partitionDate)
            ?? throw new DirectoryNotFoundException($"Table {Namespace}/{Name} has no committed partition {partitionDate:yyyy-MM-dd}.");
        var others = new List<(DateOnly Date, PartitionManifest Manifest)>();
        foreach (DateOnly date in Partitions())
        {
            if (date != partitionDate && ReadManifest(date) is { } manifest && manifest.SchemaFingerprint != ours.SchemaFingerprint)
                others.Add((date, manifest));
        }
        return [.. others.GroupBy(o => o.Manifest.SchemaFingerprint)
            .Select(group => SchemaDifference.Between(ours.Columns, group.First().Manifest.Columns, [.. group.Select(o => o.Date)]))
            .OrderBy(d => d.Partitions[0])];
    }

    /// <summary>
    /// Streams a committed partition as Arrow batches (a row group at a time, up to 8,192 rows a batch), in file order;
    /// never the whole partition at once. Dispose each batch. Throws when the partition does not exist.
    /// </summary>
    /// <remarks>
    /// Read with parquet-cpp's Arrow reader (ParquetSharp), one thread: values are decoded by native code straight into
    /// Arrow buffers and handed over through the Arrow C data interface without a copy, and their memory goes back
    /// when the batch is disposed. Parquet.Net's reader produced a managed copy of every value (2.7 bytes allocated per
    /// byte of page bodies) and was the transformed stage's largest cost (benchmarks/README.md, "Table store").
    /// </remarks>
    public IAsyncEnumerable<RecordBatch> ReadPartitionAsync(DateOnly partitionDate, CancellationToken cancellationToken = default) =>
        ReadPartitionAsync(partitionDate, columns: null, cancellationToken);

    /// <summary>
    /// Streams the named columns of a committed partition (in the table's column order; a name the partition lacks is
    /// left out): the others are neither read nor decoded.
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> ReadPartitionAsync(DateOnly partitionDate, IReadOnlyList<string>? columns, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string file in PartitionFiles(partitionDate))
        {
            await foreach (RecordBatch batch in PartFileReader.ReadAsync(file, columns, cancellationToken).ConfigureAwait(false))
                yield return batch;
        }
    }

    /// <summary>The part files of a committed partition, as its manifest lists them. Throws when the partition does not exist.</summary>
    public IReadOnlyList<string> PartitionFiles(DateOnly partitionDate)
    {
        string folder = _layout.PartitionPath(partitionDate);
        PartitionManifest manifest = ReadManifest(partitionDate)
            ?? throw new DirectoryNotFoundException($"Table {Namespace}/{Name} has no committed partition {partitionDate:yyyy-MM-dd} (no {Path.Combine(folder, PartitionManifest.FileName)}).");
        return [.. manifest.Files.Select(file => Path.Combine(folder, file.Path))];
    }
}
