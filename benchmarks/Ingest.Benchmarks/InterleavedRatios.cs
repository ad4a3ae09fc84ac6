using System.Diagnostics;
using System.Globalization;
using Ingest.Benchmarks.Contenders;
using Ingest.Benchmarks.Pocos;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>interleaved [rounds]</c>: the bare scan, the generated extractor and the per-record path over the extraction
/// workload, one after another within each round (the order rotates), in one process, and the ratios taken within
/// each round. A cross-check of <see cref="ExtractionBenchmarks"/>, not a replacement.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures one benchmark after the other, tens of seconds apart; on this VM the speed drifts by up to
/// a third over that time, so a ratio of two of its medians can be off by as much (a run measured the same scan at
/// 128 and 173 ms in its two jobs). Here the three are measured within a second of each other in every round, so a
/// drift moves both sides of a ratio alike; the median of the per-round ratios is reported with its range.
/// </remarks>
public static class InterleavedRatios
{
    private const int WarmupRounds = 5;

    public static void Run(int rounds, int batchSize = EntityExtractor.DefaultBatchSize)
    {
        ExtractionWorkload workload = ExtractionWorkload.Instance;
        EntityExtractor extractor = StellantisVehicle.CreateExtractor(batchSize);
        var builder = new VehicleBatchBuilder();
        (string Name, Func<long> Run)[] contenders =
        [
            ("scan", () => BareScan.Run(workload.Pages)),
            ("generated", () => GeneratedExtractor.Run(extractor, workload.Pages)),
            ("per-record", () => PerRecordPocos.Run(builder, workload.Pages, ExtractionBenchmarks.PerRecordBatchSize)),
        ];
        var times = contenders.Select(_ => new List<double>()).ToArray();
        long allocatedByGenerated = 0;
        long rowsByGenerated = 0;
        for (int round = -WarmupRounds; round < rounds; round++)
        {
            for (int k = 0; k < contenders.Length; k++)
            {
                int c = (k + Math.Max(round, 0)) % contenders.Length;
                // As BenchmarkDotNet does before each iteration: the per-record path leaves a heap of garbage behind.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                long started = Stopwatch.GetTimestamp();
                long result = contenders[c].Run();
                double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (round < 0) continue;
                times[c].Add(milliseconds);
                if (contenders[c].Name == "generated")
                {
                    allocatedByGenerated += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    rowsByGenerated += result;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Records:N0} records, {workload.Pages.Length:N0} pages, {rounds} rounds after {WarmupRounds} warm-up rounds, TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default"}"));
        for (int c = 0; c < contenders.Length; c++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {contenders[c].Name,-11} median {Median(times[c]),7:F1} ms  (min {times[c].Min(),6:F1}, max {times[c].Max(),6:F1})"));
        Report("generated ÷ scan", times[1], times[0]);
        Report("per-record ÷ generated", times[2], times[1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated allocates {allocatedByGenerated / (double)rowsByGenerated:F1} B a record"));
    }

    private static void Report(string name, List<double> numerator, List<double> denominator)
    {
        var ratios = numerator.Zip(denominator, (n, d) => n / d).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-23} median of per-round ratios {Median(ratios):F2}  (range {ratios.Min():F2}–{ratios.Max():F2}); ratio of medians {Median(numerator) / Median(denominator):F2}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
