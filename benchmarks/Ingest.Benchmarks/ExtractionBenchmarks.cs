using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Ingest.Benchmarks.Contenders;
using Ingest.Benchmarks.Pocos;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// JSON pages to Arrow columns, five ways over the same bytes in one run (DuckDB in two formulations). One operation reads the whole workload
/// (<see cref="ExtractionWorkload.Records"/> vehicles); ratios are against the bare scan. <c>-- check</c> proves the
/// three extracting contenders produce the same 73 columns.
/// </summary>
/// <remarks>
/// Allocated bytes are managed allocations only: DuckDB allocates natively, so its column shows the wrapper's
/// bytes, not DuckDB's memory.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(RuntimeJobs))]
public class ExtractionBenchmarks
{
    /// <summary>
    /// Two jobs: the .NET default (dynamic PGO on), and the runtime the <c>ingest</c> runner ships with
    /// (<c>TieredPGO=false</c>, src/Runner/Ingest.Runner.csproj), the one stages run under.
    /// </summary>
    private sealed class RuntimeJobs : ManualConfig
    {
        public RuntimeJobs()
        {
            Job job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8);
            AddJob(job.WithId("default (PGO)"));
            AddJob(job.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredPGO", "0")).WithId("as ingest runs"));
        }
    }

    /// <summary>Rows per batch of the per-record path: its stock Arrow builders amortize best over large batches.</summary>
    public const int PerRecordBatchSize = 1024;

    private byte[][] _pages = [];
    private EntityExtractor _extractor = null!;
    private VehicleBatchBuilder _builder = null!;
    private DuckDbReadJson? _duckDb;

    [GlobalSetup(Targets = [nameof(Scan), nameof(Generated)])]
    public void Setup()
    {
        _pages = ExtractionWorkload.Instance.Pages;
        _extractor = StellantisVehicle.CreateExtractor(); // the default batch size, 256 rows
        GeneratedExtractor.Run(_extractor, _pages); // warm the pooled column buffers
    }

    [GlobalSetup(Target = nameof(PerRecord))]
    public void SetupPerRecord()
    {
        _pages = ExtractionWorkload.Instance.Pages;
        _builder = new VehicleBatchBuilder();
        PerRecordPocos.Run(_builder, _pages, PerRecordBatchSize); // size the reused builders
    }

    [GlobalSetup(Target = nameof(DuckDb))]
    public void SetupDuckDb() => SetupDuckDb(DuckDbJsonReading.ReadJson);

    [GlobalSetup(Target = nameof(DuckDbObjects))]
    public void SetupDuckDbObjects() => SetupDuckDb(DuckDbJsonReading.ReadJsonObjects);

    private void SetupDuckDb(DuckDbJsonReading reading)
    {
        _pages = ExtractionWorkload.Instance.Pages;
        _duckDb = new DuckDbReadJson(_pages, reading); // writes the NDJSON file once
    }

    [GlobalCleanup(Targets = [nameof(DuckDb), nameof(DuckDbObjects)])]
    public void CleanupDuckDb() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, Description = "bare Utf8JsonReader scan")]
    public long Scan() => BareScan.Run(_pages);

    [Benchmark(Description = "generated extractor")]
    public long Generated() => GeneratedExtractor.Run(_extractor, _pages);

    [Benchmark(Description = "per-record STJ POCOs + Arrow builders")]
    public long PerRecord() => PerRecordPocos.Run(_builder, _pages, PerRecordBatchSize);

    [Benchmark(Description = "DuckDB read_json, 1 thread")]
    public long DuckDb() => _duckDb!.Run();

    [Benchmark(Description = "DuckDB read_json_objects + json_transform, 1 thread")]
    public long DuckDbObjects() => _duckDb!.Run();
}
