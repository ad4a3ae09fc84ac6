using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using Ingest.Tables;

namespace Ingest.Benchmarks;

/// <summary>
/// Writing the 51,200-row, 73-column workload as one partition through the table store (<see cref="PartitionWriter"/>:
/// staging, 128 Ki-row row groups, manifest, atomic swap) with each engine: Parquet.Net against parquet-cpp's Arrow
/// writer (ParquetSharp), from the same batches, both Snappy. Each case runs in its own process; its peak RSS and
/// file size are printed at cleanup (<c>// table-store:</c> lines).
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
    public Task<long> ParquetNet() => WriteAsync(ParquetWriterEngine.ParquetNet);

    [Benchmark]
    public Task<long> ParquetSharpArrow() => WriteAsync(ParquetWriterEngine.ParquetSharp);

    private async Task<long> WriteAsync(ParquetWriterEngine engine)
    {
        Ingest.Tables.Table table = new TableStore(_root, new TableStoreOptions { Writer = engine }).OpenTable("bench", "vehicles");
        await using PartitionWriter writer = table.CreatePartitionWriter(new DateOnly(2026, 11, 27), _schema);
        foreach (RecordBatch batch in _batches) await writer.WriteAsync(batch);
        PartitionManifest manifest = await writer.CommitAsync();
        _bytes = manifest.Files.Sum(f => f.Bytes);
        return manifest.RowCount;
    }
}
