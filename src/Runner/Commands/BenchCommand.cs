using System.CommandLine;
using System.Globalization;
using Ingest.Runner.Bench;
using Ingest.Runner.Scenarios;
using Ingest.Runner.Stages;
using Ingest.Simulator;
using Spectre.Console;

namespace Ingest.Runner.Commands;

/// <summary>
/// <c>ingest bench &lt;scenario&gt; &lt;label&gt;</c>: each stage in its own child process (<c>ingest stage</c>), measured
/// from outside (wall time, peak RSS from the OS), graded against the scenario's yellow/red lines, killed by a
/// watchdog after <c>STAGE_TIMEOUT_S</c>; writes <c>summary.json</c> with the git SHA, branch and machine.
/// </summary>
public static class BenchCommand
{
    public const int DefaultStageTimeoutSeconds = 1800;

    public static Command Create(StageRegistry registry)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario name from benchmarks/configs or a path." };
        var label = new Argument<string>("label") { Description = "Names this run, e.g. baseline or my-change; results go to benchmarks/results/<scenario>/<label>/." };
        var date = PartitionDateOption.Create();
        var warehouse = new Option<string?>("--warehouse") { Description = "Folder for the tables; a fresh folder under the results by default." };
        var upstream = UpstreamOption.Create("Base URL of the upstream API; omitted: the simulator runs in this (parent) process.");
        var results = new Option<string?>("--results") { Description = "Folder for results; benchmarks/results beside the scenario configs by default." };
        var command = new Command("bench", "Benchmarks a scenario: each stage in its own process, wall time and peak RSS, grades, a watchdog, summary.json.")
        {
            scenario, label, date, warehouse, upstream, results,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ScenarioConfig config = ScenarioCatalog.Find(parse.GetValue(scenario)!, registry);
            string name = parse.GetValue(label)!;
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/'))
                throw new ScenarioException($"Label '{name}' cannot name a folder; use letters, digits, '-' or '_'.");
            DateOnly partition = parse.GetValue(date);
            string resultsRoot = parse.GetValue(results) ?? Path.Combine(Path.GetDirectoryName(ScenarioCatalog.Folder())!, "results");
            string runFolder = Path.GetFullPath(Path.Combine(resultsRoot, config.Name, name));
            Directory.CreateDirectory(runFolder);
            string tables = Path.GetFullPath(parse.GetValue(warehouse) ?? Path.Combine(runFolder, "warehouse"));
            TimeSpan timeout = TimeSpan.FromSeconds(StageTimeoutSeconds());

            Uri? given = UpstreamOption.Parse(parse.GetValue(upstream));
            await using SimulatorServer? simulator = given is null ? await EmbeddedSimulator.StartAsync(partition, cancellationToken) : null;
            Uri target = given ?? simulator!.BaseAddress;
            var console = ConsoleOutput.Progress;
            console.MarkupLine($"[bold]bench {Markup.Escape(config.Name)}[/] as '{Markup.Escape(name)}': partition {partition:yyyy-MM-dd}, stage timeout {timeout.TotalSeconds:0} s, upstream {Markup.Escape(target.ToString())}");

            var stages = new List<StageMeasurement>();
            DateTimeOffset started = DateTimeOffset.UtcNow;
            foreach (StageConfig stage in config.Stages)
            {
                string reportPath = Path.Combine(runFolder, $"{stage.Name}.report.json");
                (string fileName, List<string> arguments) = SelfInvocation();
                arguments.AddRange(["stage", config.Name, stage.Name, "--date", partition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "--warehouse", tables, "--upstream", target.ToString(), "--report", reportPath]);
                var environment = new Dictionary<string, string>(config.Env) { ["INGEST_SCENARIOS"] = ScenarioCatalog.Folder() };
                console.MarkupLine($"  {Markup.Escape(stage.Name)} ({Markup.Escape(stage.AssetKey)}) ...");
                StageProcess.Outcome outcome = await StageProcess.RunAsync(fileName, arguments, environment, reportPath, timeout,
                    line => console.WriteLine("    " + line), cancellationToken);
                var measurement = new StageMeasurement
                {
                    Name = stage.Name,
                    AssetKey = stage.AssetKey,
                    WallSeconds = Math.Round(outcome.WallSeconds, 2),
                    PeakRssMb = outcome.PeakRssMb,
                    ExitCode = outcome.ExitCode,
                    KilledByWatchdog = outcome.KilledByWatchdog,
                    MemoryGrade = StageGrader.Memory(outcome.PeakRssMb, config.Thresholds),
                    DurationGrade = StageGrader.Duration(outcome.WallSeconds, config.Thresholds),
                    Report = outcome.Report,
                };
                stages.Add(measurement);
                if (outcome.KilledByWatchdog) console.MarkupLine($"  [red]{Markup.Escape(stage.Name)} killed by the watchdog after {timeout.TotalSeconds:0} s (STAGE_TIMEOUT_S)[/]");
                if (outcome.ExitCode != 0) break; // later stages read what this one should have written
            }

            var summary = new BenchSummary
            {
                Scenario = config.Name,
                Label = name,
                GitSha = GitInfo.Sha,
                GitBranch = GitInfo.Branch,
                Machine = MachineInfo.Current(),
                StartedAt = started,
                PartitionDate = partition,
                Stages = stages,
            };
            string summaryPath = Path.Combine(runFolder, "summary.json");
            await File.WriteAllTextAsync(summaryPath, summary.ToJson(), cancellationToken);

            AnsiConsole.Write(Table(summary));
            Console.WriteLine($"Summary: {summaryPath}");
            if (stages.Any(s => s.KilledByWatchdog)) return ExitCodes.WatchdogKill;
            return stages.All(s => s.ExitCode == 0) && stages.Count == config.Stages.Count ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static int StageTimeoutSeconds()
    {
        string? text = Environment.GetEnvironmentVariable("STAGE_TIMEOUT_S");
        if (text is null) return DefaultStageTimeoutSeconds;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) && seconds > 0
            ? seconds
            : throw new ScenarioException($"STAGE_TIMEOUT_S='{text}' is not a positive number of seconds.");
    }

    /// <summary>
    /// How to start this same runner again: the apphost, or <c>dotnet &lt;app&gt;.dll</c>; the entry assembly, so a team's
    /// own runner (with its own stages) starts itself, not the shipped <c>ingest</c>.
    /// </summary>
    private static (string FileName, List<string> Arguments) SelfInvocation()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string assembly = (System.Reflection.Assembly.GetEntryAssembly() ?? typeof(BenchCommand).Assembly).Location;
        bool viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet ? (process, [assembly]) : (process, []);
    }

    private static Table Table(BenchSummary summary)
    {
        var table = new Table().Title($"{Markup.Escape(summary.Scenario)} / {Markup.Escape(summary.Label)} ({Markup.Escape(summary.GitSha[..Math.Min(8, summary.GitSha.Length)])})")
            .AddColumns("stage", "wall", "peak RSS", "memory", "duration", "exit");
        foreach (StageMeasurement stage in summary.Stages)
        {
            table.AddRow(Markup.Escape(stage.Name), $"{stage.WallSeconds:0.0} s", $"{stage.PeakRssMb:N0} MB",
                Colour(stage.MemoryGrade), Colour(stage.DurationGrade),
                stage.KilledByWatchdog ? "[red]killed[/]" : stage.ExitCode.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string Colour(Grade grade) => grade switch
    {
        Grade.Green => "[green]green[/]",
        Grade.Yellow => "[yellow]yellow[/]",
        _ => "[red]red[/]",
    };
}
