using System.Diagnostics;
using Ingest.Benchmarks.Contenders;
using Ingest.Benchmarks.Pocos;

namespace Ingest.Benchmarks;

/// <summary>
/// The <c>quick</c> pass for the peers of the generated extractor (per-record POCOs, DuckDB in both
/// <see cref="DuckDbJsonReading"/> formulations): a few rough rounds each, rows and managed allocation. Reported numbers come from
/// BenchmarkDotNet, not from here.
/// </summary>
public static class QuickContenders
{
    public static void Run(int batchSize, int rounds = 3)
    {
        ExtractionWorkload workload = ExtractionWorkload.Instance;
        var builder = new VehicleBatchBuilder();
        for (int round = 0; round < rounds; round++)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long rows = PerRecordPocos.Run(builder, workload.Pages, batchSize);
            double elapsed = watch.Elapsed.TotalMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine($"per-record POCOs {elapsed,7:F1} ms ({rows} rows, {allocated / (double)rows:F1} B/row managed)");
        }

        foreach (DuckDbJsonReading reading in Enum.GetValues<DuckDbJsonReading>())
        {
            using var duckDb = new DuckDbReadJson(workload.Pages, reading);
            for (int round = 0; round < rounds; round++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                long rows = duckDb.Run();
                double elapsed = watch.Elapsed.TotalMilliseconds;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Console.WriteLine($"DuckDB {reading} {elapsed,7:F1} ms ({rows} rows, {allocated / (double)rows:F1} B/row managed; native memory not counted)");
            }
        }
    }
}
