using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Runner.Scenarios;
using Ingest.Runner.Stages;
using Ingest.Simulator;
using Spectre.Console;

namespace Ingest.Runner.Commands;

/// <summary>
/// <c>ingest run &lt;scenario&gt;</c>: materializes a scenario's stages in this process. Without <c>--upstream</c> it
/// starts the simulator in-process on loopback (the embedded default), so the whole pipeline runs offline.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario name from benchmarks/configs (see `ingest list`) or a path to a scenario .json." };
        var date = PartitionDateOption.Create();
        var warehouse = WarehouseOption.Create();
        var upstream = UpstreamOption.Create("Base URL of the upstream API; omitted: the simulator starts in-process on 127.0.0.1.");
        var fresh = new Option<bool>("--fresh") { Description = "Fetch every page again instead of resuming an interrupted raw stage." };
        var only = new Option<string[]>("--stage")
        {
            Description = "Run only this stage (repeatable), e.g. --stage transformed_vehicles re-runs the transform over the committed raw partition without touching the upstream.",
        };
        var command = new Command("run", "Materializes a scenario's stages: raw pages to Parquet, then entities to Parquet; prints a summary and how to query the tables.")
        {
            scenario, date, warehouse, upstream, fresh, only,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ScenarioConfig config = ScenarioCatalog.Find(parse.GetValue(scenario)!);
            DateOnly partition = parse.GetValue(date);
            string root = Path.GetFullPath(parse.GetValue(warehouse)!);
            Uri? given = UpstreamOption.Parse(parse.GetValue(upstream));
            IReadOnlyList<StageConfig> stages = Chosen(config, parse.GetValue(only) ?? []);
            bool fetches = stages.Any(StageCatalog.Fetches);

            // Only a run that fetches needs an upstream; re-running a transform reads the warehouse alone.
            await using SimulatorServer? simulator = given is null && fetches
                ? await EmbeddedSimulator.StartAsync(partition, cancellationToken)
                : null;
            Uri? target = given ?? simulator?.BaseAddress;
            var console = ConsoleOutput.Progress;
            console.MarkupLine($"[bold]{Markup.Escape(config.Name)}[/]: {Markup.Escape(config.Description)}");
            string from = !fetches ? "no upstream (reads the warehouse only)"
                : $"upstream {Markup.Escape(target!.ToString())}{(simulator is null ? "" : " (simulator, in-process)")}";
            console.MarkupLine($"partition {partition:yyyy-MM-dd}, warehouse {Markup.Escape(root)}, {from}");

            var results = new List<(StageConfig Stage, StageResult Result)>();
            foreach (StageConfig stage in stages)
            {
                var progress = new StageProgress(console, stage.Name);
                var context = new StageContext(config, stage, partition, root, target, parse.GetValue(fresh), progress.OnPage);
                StageResult result;
                try
                {
                    result = await StageCatalog.RunAsync(context, cancellationToken);
                }
                catch
                {
                    progress.Finish(succeeded: false);
                    throw;
                }
                progress.Finish(succeeded: true);
                results.Add((stage, result));
            }

            AnsiConsole.Write(SummaryTable(config, results));
            PrintNotes(results);
            PrintWhereTablesAre(root, partition, results);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The scenario's stages named by <c>--stage</c>, in the scenario's order; all of them when none is named.</summary>
    private static IReadOnlyList<StageConfig> Chosen(ScenarioConfig config, string[] names)
    {
        if (names.Length == 0) return config.Stages;
        if (names.FirstOrDefault(name => config.Stages.All(s => s.Name != name)) is { } unknown)
            throw new ScenarioException($"Scenario '{config.Name}' has no stage '{unknown}'; its stages: {string.Join(", ", config.Stages.Select(s => s.Name))}.");
        return [.. config.Stages.Where(s => names.Contains(s.Name))];
    }

    private static Table SummaryTable(ScenarioConfig config, List<(StageConfig Stage, StageResult Result)> results)
    {
        var table = new Table().Title($"{Markup.Escape(config.Name)}: summary")
            .AddColumns("stage", "rows in", "rows out", "columns", "duration", "peak memory", "warnings");
        foreach ((StageConfig stage, StageResult result) in results)
        {
            table.AddRow(
                Markup.Escape(stage.Name),
                result.RowsIn.ToString("N0", CultureInfo.InvariantCulture),
                result.RowsOut.ToString("N0", CultureInfo.InvariantCulture),
                result.Columns.ToString(CultureInfo.InvariantCulture),
                $"{result.Duration.TotalSeconds:0.0} s",
                $"{result.PeakWorkingSetMb:N0} MB",
                result.Warnings.Count == 0 ? "[green]none[/]" : $"[yellow]{Markup.Escape(string.Join("; ", result.Warnings))}[/]");
        }
        return table;
    }

    private static void PrintNotes(List<(StageConfig Stage, StageResult Result)> results)
    {
        foreach ((StageConfig stage, StageResult result) in results)
            foreach (string note in result.Notes)
                Console.WriteLine($"{stage.Name}: {note}");
    }

    private static void PrintWhereTablesAre(string root, DateOnly partition, List<(StageConfig Stage, StageResult Result)> results)
    {
        Console.WriteLine();
        Console.WriteLine("Tables:");
        foreach ((_, StageResult result) in results)
            Console.WriteLine($"  {result.Table,-50} {Path.Combine(root, result.Table)}");
        StageResult last = results[^1].Result;
        string glob = Path.Combine(root, last.Table, "**", "*.parquet");
        Console.WriteLine();
        Console.WriteLine("Open them with DuckDB, e.g.:");
        Console.WriteLine($"  duckdb -c \"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true, union_by_name = true) WHERE partition_date = DATE '{partition:yyyy-MM-dd}'\"");
        Console.WriteLine($"or: ingest inspect {last.Table} --warehouse {root}");
    }
}
