using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using Ingest.Tables;
using ParquetSharp;

namespace Ingest.Benchmarks;

/// <summary>
/// Writing the 51,200-row, 73-column workload as one partition: Parquet.Net through the table store
/// (<see cref="PartitionWriter"/>: staging, 128 Ki-row row groups, manifest, atomic swap) against ParquetSharp's
/// Arrow writer (native parquet-cpp) writing one file from the same batches. Both Snappy. Each case runs in its
/// own process; its peak RSS and file size are printed at cleanup (<c>// table-store:</c> lines).
/// </summary>
[MemoryDiagnoser]
public class ParquetWriterBenchmarks
{
    private RecordBatch[] _batches = [];
    private Schema _schema = null!;
    private string _root = "";
    private long _bytes;

    [GlobalSetup]
    public void Setup()
    {
        _batches = TableStoreWorkload.Instance.Batches;
        _schema = TableStoreWorkload.Instance.Schema;
        _root = Path.Combine(Path.GetTempPath(), "ingest-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// table-store: {GetType().Name} peak RSS {TableStoreWorkload.PeakRssMiB():F0} MiB, last file(s) {_bytes / 1024.0 / 1024.0:F2} MiB");
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> ParquetNetPartitionWriter()
    {
        Ingest.Tables.Table table = new TableStore(_root).OpenTable("bench", "vehicles");
        await using PartitionWriter writer = table.CreatePartitionWriter(new DateOnly(2026, 11, 27), _schema);
        foreach (RecordBatch batch in _batches) await writer.WriteAsync(batch);
        PartitionManifest manifest = await writer.CommitAsync();
        _bytes = manifest.Files.Sum(f => f.Bytes);
        return manifest.RowCount;
    }

    [Benchmark]
    public long ParquetSharpArrowFileWriter()
    {
        string path = Path.Combine(_root, "parquetsharp.parquet");
        using (WriterProperties properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).MaxRowGroupLength(128 * 1024).Build())
        using (var writer = new ParquetSharp.Arrow.FileWriter(path, _schema, properties))
        {
            foreach (RecordBatch batch in _batches) writer.WriteBufferedRecordBatch(batch);
            writer.Close();
        }
        _bytes = new FileInfo(path).Length;
        return _bytes;
    }
}
