using System.Globalization;
using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>quick [batchSize]</c>: rough timings of every contender and the cross-check, for iterating;
/// <c>check</c>: only the cross-check (exit code 1 when the contenders disagree);
/// <c>profile [rounds]</c>: the generated extractor in a loop, for a profiler;
/// <c>interleaved [rounds] [batchSize]</c>: scan, generated and per-record measured in turn within each round, ratios per round;
/// <c>fetch [throughput|latency] [concurrency] [--no-keys]</c>: the page source over loopback HTTP against the simulator;
/// <c>transformed-vs-duckdb &lt;warehouse&gt; [--runs n] [--probe]</c>: the transformed stage against DuckDB over a raw partition;
/// <c>transformed-read-json-vs-duckdb &lt;warehouse&gt; [--runs n]</c>: the same against DuckDB's <c>read_json</c> over the raw bodies;
/// <c>consolidated-vs-duckdb &lt;warehouse&gt; [--date d] [--runs n]</c>: the consolidated stage against DuckDB over a day and its history;
/// <c>merged-vs-duckdb &lt;warehouse&gt; [--date d] [--runs n] [--also-stage scenario:stage]</c>: the inventory and the dealer feed merged, against DuckDB;
/// anything else goes to BenchmarkDotNet (<c>--filter '*ExtractionBenchmarks*'</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["quick", .. var rest]:
                QuickCheck.Run(IntArgument(rest, Extraction.EntityExtractor.DefaultBatchSize));
                QuickContenders.Run(IntArgument(rest, ExtractionBenchmarks.PerRecordBatchSize));
                return CrossCheck.Run() ? 0 : 1;
            case ["fetch", .. var rest]:
                return Fetch.FetchBenchmark.RunAsync(rest).GetAwaiter().GetResult();
            case ["transformed-vs-duckdb", .. var rest]:
                return Stages.StageVsDuckDb.Run(Stages.StageJob.Transformed, rest);
            case ["transformed-read-json-vs-duckdb", .. var rest]:
                return Stages.StageVsDuckDb.Run(Stages.StageJob.TransformedReadJson, rest);
            case ["consolidated-vs-duckdb", .. var rest]:
                return Stages.StageVsDuckDb.Run(Stages.StageJob.Consolidated, rest);
            case ["merged-vs-duckdb", .. var rest]:
                return Stages.StageVsDuckDb.Run(Stages.StageJob.Merged, rest);
            case ["check", ..]:
                return CrossCheck.Run() ? 0 : 1;
            case ["interleaved", .. var rest]:
                InterleavedRatios.Run(IntArgument(rest, 30), IntArgument(rest.Skip(1).ToArray(), Extraction.EntityExtractor.DefaultBatchSize));
                return 0;
            case ["profile", .. var rest]:
                QuickCheck.Profile(IntArgument(rest, 20));
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    private static int IntArgument(string[] rest, int fallback) =>
        rest.Length > 0 && int.TryParse(rest[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
