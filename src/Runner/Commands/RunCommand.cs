using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Runner.Pipes;
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
    public static Command Create(StageRegistry registry)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario name from benchmarks/configs (see `ingest list`) or a path to a scenario .json." };
        var date = PartitionDateOption.Create();
        var dates = PartitionRange.Create();
        var warehouse = WarehouseOption.Create();
        var upstream = UpstreamOption.Create("Base URL of the upstream API; omitted: the simulator starts in-process on 127.0.0.1.");
        var fresh = new Option<bool>("--fresh") { Description = "Fetch every page again instead of resuming an interrupted raw stage." };
        var only = new Option<string[]>("--stage")
        {
            Description = "Run only this stage (repeatable), e.g. --stage transformed_vehicles re-runs the transform over the committed raw partition without touching the upstream.",
        };
        var command = new Command("run", "Materializes a scenario's stages: raw pages, then entities, then their history, to Parquet; prints a summary and how to query the tables.")
        {
            scenario, date, dates, warehouse, upstream, fresh, only,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Launched by Dagster (Pipes): its step says which assets and which partition; each stage is reported back.
            using PipesSession? pipes = PipesSession.OpenFromEnvironment();
            try
            {
                return await RunAsync(parse, pipes, cancellationToken);
            }
            catch (Exception ex)
            {
                pipes?.Close(ex);
                throw;
            }
        });
        return command;

        async Task<int> RunAsync(ParseResult parse, PipesSession? pipes, CancellationToken cancellationToken)
        {
            ScenarioConfig config = ScenarioCatalog.Find(parse.GetValue(scenario)!, registry);
            IReadOnlyList<DateOnly> partitions = Partitions(parse.GetValue(date), explicitDate: parse.GetResult(date) is { Implicit: false }, parse.GetValue(dates), pipes);
            string root = Path.GetFullPath(parse.GetValue(warehouse)!);
            Uri? given = UpstreamOption.Parse(parse.GetValue(upstream));
            IReadOnlyList<StageConfig> stages = ForPipes(config, Chosen(config, parse.GetValue(only) ?? []), pipes);
            for (int i = 0; i < partitions.Count; i++)
            {
                try
                {
                    await RunPartitionAsync(parse, pipes, config, partitions[i], root, given, stages, cancellationToken);
                }
                catch (Exception) when (partitions.Count > 1)
                {
                    // A backfill stops at the first date that fails; the dates before it are committed.
                    Console.Error.WriteLine(i == 0
                        ? $"Partition {partitions[i]:yyyy-MM-dd} failed, the first of the range; nothing of the range is committed."
                        : $"Partition {partitions[i]:yyyy-MM-dd} failed; {partitions[0]:yyyy-MM-dd}..{partitions[i - 1]:yyyy-MM-dd} are committed. Resume with --dates {partitions[i]:yyyy-MM-dd}..{partitions[^1]:yyyy-MM-dd}.");
                    throw;
                }
            }
            pipes?.Close();
            return ExitCodes.Ok;
        }

        async Task RunPartitionAsync(ParseResult parse, PipesSession? pipes, ScenarioConfig config, DateOnly partition, string root, Uri? given,
            IReadOnlyList<StageConfig> stages, CancellationToken cancellationToken)
        {
            bool fetches = stages.Any(registry.Fetches);

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
                    result = await registry.RunAsync(context, cancellationToken);
                }
                catch
                {
                    progress.Finish(succeeded: false);
                    throw;
                }
                progress.Finish(succeeded: true);
                results.Add((stage, result));
                if (pipes is not null)
                {
                    pipes.ReportMaterialization(stage.AssetKey, Metadata(root, partition, result));
                    foreach (string warning in result.Warnings) pipes.Log($"{stage.Name}: {warning}", "WARNING");
                }
            }

            AnsiConsole.Write(SummaryTable(config, results));
            PrintNotes(results);
            PrintWhereTablesAre(root, partition, results);
        }
    }

    /// <summary>
    /// The partitions to run: <c>--dates</c> (or the one date of it a Kubernetes Indexed Job's pod is given), else
    /// <c>--date</c>, or the Dagster step's partition key.
    /// </summary>
    private static IReadOnlyList<DateOnly> Partitions(DateOnly date, bool explicitDate, string? range, PipesSession? pipes)
    {
        if (range is null) return [Partition(date, explicitDate, pipes)];
        if (explicitDate) throw new ScenarioException("Give --date (one partition) or --dates (a range), not both.");
        if (pipes is not null) throw new ScenarioException("Dagster gives the partition; leave --dates out when Dagster runs ingest.");
        return PartitionRange.Resolve(range, Environment.GetEnvironmentVariable(PartitionRange.JobIndexVariable));
    }

    /// <summary>
    /// The partition to run: <c>--date</c>, or the Dagster step's partition key when the option is not given (a daily
    /// partition's key is its date); the two must agree when both are given.
    /// </summary>
    private static DateOnly Partition(DateOnly date, bool explicitDate, PipesSession? pipes)
    {
        if (pipes?.PartitionKey is not { } key) return date;
        if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly fromDagster))
            throw new ScenarioException($"The Dagster partition key '{key}' is not a date (YYYY-MM-DD); partition the assets daily.");
        if (explicitDate && fromDagster != date)
            throw new ScenarioException($"--date {date:yyyy-MM-dd} and the Dagster partition key {key} disagree; leave --date out when Dagster runs ingest.");
        return fromDagster;
    }

    /// <summary>The stages whose asset keys the Dagster step materializes (all of <paramref name="chosen"/> outside Dagster).</summary>
    private static IReadOnlyList<StageConfig> ForPipes(ScenarioConfig config, IReadOnlyList<StageConfig> chosen, PipesSession? pipes)
    {
        if (pipes?.AssetKeys is not { } keys) return chosen;
        if (keys.FirstOrDefault(key => config.Stages.All(s => s.AssetKey != key)) is { } unknown)
            throw new ScenarioException($"Dagster asks for asset '{unknown}', which no stage of scenario '{config.Name}' materializes; its assets: {string.Join(", ", config.Stages.Select(s => s.AssetKey))}.");
        StageConfig[] asked = [.. chosen.Where(stage => keys.Contains(stage.AssetKey))];
        return asked.Length > 0 ? asked
            : throw new ScenarioException($"None of the stages chosen with --stage materializes an asset the Dagster step asks for ({string.Join(", ", keys)}); leave --stage out when Dagster runs ingest.");
    }

    /// <summary>What Dagster shows of a stage: its table and figures (<c>dagster/row_count</c> is Dagster's own name for rows).</summary>
    private static IEnumerable<PipesMetadata> Metadata(string root, DateOnly partition, StageResult result) =>
    [
        new("dagster/row_count", result.RowsOut, "int"),
        new("table", result.Table, "text"),
        new("path", Path.Combine(root, result.Table), "path"),
        new("partition_date", partition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "text"),
        new("rows_in", result.RowsIn, "int"),
        new("columns", result.Columns, "int"),
        new("duration_seconds", Math.Round(result.Duration.TotalSeconds, 3), "float"),
        new("peak_memory_mb", Math.Round(result.PeakWorkingSetMb, 1), "float"),
        new("warnings", string.Join("; ", result.Warnings), "text"),
        new("notes", string.Join("; ", result.Notes), "text"),
    ];

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
        Console.WriteLine($"or: {IngestApp.Name} inspect {last.Table} --warehouse {root}");
    }
}
