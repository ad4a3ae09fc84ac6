using System.Diagnostics;
using Ingest.Benchmarks.Contenders;
using Ingest.Entities.Stellantis;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- quick</c>: a fast sanity pass over the workload (each contender once, rows and
/// rough timings) for iterating on the code. Reported numbers come from BenchmarkDotNet, not from here.
/// </summary>
public static class QuickCheck
{
    /// <summary><c>-- profile</c>: only the generated extractor, many times, for a sampling profiler.</summary>
    public static void Profile(int rounds)
    {
        ExtractionWorkload workload = ExtractionWorkload.Instance;
        var extractor = StellantisVehicle.CreateExtractor();
        var watch = Stopwatch.StartNew();
        for (int round = 0; round < rounds; round++) GeneratedExtractor.Run(extractor, workload.Pages);
        Console.WriteLine($"generated: {watch.Elapsed.TotalMilliseconds / rounds:F1} ms a round");
    }

    public static void Run(int batchSize)
    {
        ExtractionWorkload workload = ExtractionWorkload.Instance;
        Console.WriteLine($"workload: {workload.Pages.Length} pages, {workload.Records} records, {workload.Bytes / 1e6:F1} MB; batch size {batchSize}");
        var extractor = StellantisVehicle.CreateExtractor(batchSize);
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long tokens = BareScan.Run(workload.Pages);
            double scan = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long rows = GeneratedExtractor.Run(extractor, workload.Pages);
            double generated = watch.Elapsed.TotalMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine($"scan {scan,7:F1} ms ({tokens} tokens) | generated {generated,7:F1} ms ({rows} rows, {generated / scan:F2}x scan, {allocated / (double)rows:F1} B/row)");
            _ = before;
        }
    }
}
