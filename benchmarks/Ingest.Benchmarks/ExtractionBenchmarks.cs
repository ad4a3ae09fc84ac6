using BenchmarkDotNet.Attributes;
using Ingest.Benchmarks.Contenders;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// JSON pages to Arrow columns, four ways over the same bytes in one run. One operation reads the whole workload
/// (<see cref="ExtractionWorkload.Records"/> vehicles); ratios are against the bare scan.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private byte[][] _pages = [];
    private EntityExtractor _extractor = null!;

    [Params(256, 1024)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pages = ExtractionWorkload.Instance.Pages;
        _extractor = StellantisVehicle.CreateExtractor(BatchSize);
        GeneratedExtractor.Run(_extractor, _pages); // warm the pooled column buffers
    }

    [Benchmark(Baseline = true, Description = "bare Utf8JsonReader scan")]
    public long Scan() => BareScan.Run(_pages);

    [Benchmark(Description = "generated extractor")]
    public long Generated() => GeneratedExtractor.Run(_extractor, _pages);
}
