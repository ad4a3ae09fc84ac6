using System.CommandLine;
using System.Text.Json;
using Ingest.Runner.Scenarios;
using Ingest.Runner.Stages;
using Ingest.Tiers;

namespace Ingest.Runner.Commands;

/// <summary>
/// <c>ingest stage</c>: one stage of a scenario, in this process; what <c>ingest bench</c> starts for each stage so
/// that each is measured in a process of its own. Writes the stage's report, with its own peak RSS, as JSON.
/// </summary>
public static class StageCommand
{
    public static Command Create(StageRegistry stages)
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario name or path." };
        var stage = new Argument<string>("stage") { Description = "The stage's name in the scenario." };
        var date = PartitionDateOption.Create();
        var warehouse = WarehouseOption.Create();
        var upstream = UpstreamOption.Create("Base URL of the upstream API (a stage that fetches needs it).");
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the stage report (JSON)." };
        var command = new Command("stage", "Runs one stage of a scenario in this process (used by `ingest bench`).")
        {
            scenario, stage, date, warehouse, upstream, report,
        };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            ScenarioConfig config = ScenarioCatalog.Find(parse.GetValue(scenario)!, stages);
            string name = parse.GetValue(stage)!;
            StageConfig chosen = config.Stages.FirstOrDefault(s => s.Name == name)
                ?? throw new ScenarioException($"Scenario '{config.Name}' has no stage '{name}'; its stages: {string.Join(", ", config.Stages.Select(s => s.Name))}.");
            var context = new StageContext(config, chosen, parse.GetValue(date), Path.GetFullPath(parse.GetValue(warehouse)!), UpstreamOption.Parse(parse.GetValue(upstream)), ForceFresh: false, OnPage: null);
            // The processor times are read afresh from the OS at each access, not cached in the object.
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            long? faultsBefore = ProcessMemory.MinorPageFaults(Environment.ProcessId);
            TimeSpan systemBefore = self.PrivilegedProcessorTime;
            StageResult result = await stages.RunAsync(context, cancellationToken);
            long? stageFaults = ProcessMemory.MinorPageFaults(Environment.ProcessId) - faultsBefore;
            TimeSpan stageSystem = self.PrivilegedProcessorTime - systemBefore;

            if (parse.GetValue(report) is FileInfo file)
            {
                var summary = new Dictionary<string, object?>
                {
                    ["table"] = result.Table,
                    ["rows_in"] = result.RowsIn,
                    ["rows_out"] = result.RowsOut,
                    ["columns"] = result.Columns,
                    ["seconds"] = result.Duration.TotalSeconds,
                    ["phases"] = result.Phases.ToDictionary(p => p.Name, p => Math.Round(p.Elapsed.TotalSeconds, 3)),
                    ["bytes"] = result.Bytes,
                    ["warnings"] = result.Warnings,
                    ["cpu_seconds"] = Math.Round(self.TotalProcessorTime.TotalSeconds, 3),
                    ["peak_rss_mb"] = ProcessMemory.PeakRssMbOfThisProcess(),
                    // The stage's own, start-up excluded, like "seconds": first touches of memory and time in the kernel.
                    ["minor_page_faults"] = stageFaults,
                    ["system_cpu_seconds"] = Math.Round(stageSystem.TotalSeconds, 3),
                    ["peak_gc_heap_mb"] = GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024.0),
                    // Whole process, start-up included: what the managed side allocated and what collecting it cost.
                    ["gc_allocated_mb"] = Math.Round(GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0), 1),
                    ["gc_collections"] = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
                    ["gc_pause_seconds"] = Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3),
                };
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(summary), cancellationToken);
            }
            Console.WriteLine($"{chosen.Name}: {result.RowsIn:N0} rows in, {result.RowsOut:N0} rows out in {result.Duration.TotalSeconds:0.0} s");
            return ExitCodes.Ok;
        });
        return command;
    }
}
