using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingest.Runner.Tests;

/// <summary><c>ingest bench</c>: each stage in a child process, <c>summary.json</c>, and the <c>STAGE_TIMEOUT_S</c> watchdog.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_writes_a_summary_with_provenance_and_every_stage_measured()
    {
        using var folder = new TempFolder();
        string results = folder.Combine("results");

        // Run from the checkout so the summary can name the commit.
        IngestResult bench = (await IngestExecutable.RunAsync(IngestExecutable.RepositoryRoot,
            "bench", "stellantis_jeep_inventory_fast", "ci-check", "--date", JeepRun.Date, "--results", results)).ExitsWith(IngestResult.Ok);

        string path = Path.Combine(results, "stellantis_jeep_inventory_fast", "ci-check", "summary.json");
        Assert.Contains($"Summary: {path}", bench.Stdout);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = summary.RootElement;
        Assert.Equal("stellantis_jeep_inventory_fast", root.GetProperty("scenario").GetString());
        Assert.Equal("ci-check", root.GetProperty("label").GetString());
        // Provenance is the checkout's own (the runner asks git once for both).
        Assert.Equal(Git("rev-parse HEAD"), root.GetProperty("git_sha").GetString());
        Assert.Equal(Git("rev-parse --abbrev-ref HEAD"), root.GetProperty("git_branch").GetString());
        Assert.Equal(JeepRun.Date, root.GetProperty("partition_date").GetString());
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() > 0);

        JsonElement[] stages = [.. root.GetProperty("stages").EnumerateArray()];
        Assert.Equal(["raw_inventory", "transformed_vehicles", "consolidated_vehicles"], stages.Select(s => s.GetProperty("name").GetString()));
        foreach (JsonElement stage in stages)
        {
            Assert.True(stage.GetProperty("wall_seconds").GetDouble() > 0, stage.ToString());
            Assert.True(stage.GetProperty("peak_rss_mb").GetDouble() > 0, stage.ToString());
            Assert.Equal(0, stage.GetProperty("exit_code").GetInt32());
            Assert.False(stage.GetProperty("killed_by_watchdog").GetBoolean());
            Assert.Equal("green", stage.GetProperty("memory_grade").GetString());
            Assert.Equal("green", stage.GetProperty("duration_grade").GetString());
            Assert.Equal("green", stage.GetProperty("grade").GetString());
            // The stage's own page faults and kernel time, start-up excluded (the counters are Linux's).
            JsonElement report = stage.GetProperty("report");
            if (OperatingSystem.IsLinux()) Assert.True(report.GetProperty("minor_page_faults").GetInt64() > 0, stage.ToString());
            Assert.True(report.GetProperty("system_cpu_seconds").GetDouble() >= 0, stage.ToString());
        }
        Assert.Equal(73, stages[0].GetProperty("report").GetProperty("rows_out").GetInt64());
        Assert.Equal(3_223, stages[1].GetProperty("report").GetProperty("rows_out").GetInt64());
        Assert.Equal(3_223, stages[2].GetProperty("report").GetProperty("rows_out").GetInt64());

        // Without --warehouse the tables go beside the summary.
        string warehouse = Path.Combine(results, "stellantis_jeep_inventory_fast", "ci-check", "warehouse");
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(*) FROM {DuckDb.Read(warehouse, "stellantis/transformed_vehicles_from_inventory")}"));
    }

    [Fact]
    public async Task The_watchdog_kills_a_stage_that_outlives_STAGE_TIMEOUT_S()
    {
        using var folder = new TempFolder();
        string results = folder.Combine("results");
        var slow = new Dictionary<string, string> { ["STAGE_TIMEOUT_S"] = "2", ["INGEST_SIM_LATENCY_MS"] = "2000" };

        IngestResult bench = (await IngestExecutable.RunAsync(folder.Path, slow,
            "bench", "stellantis_jeep_inventory_fast", "slow", "--date", JeepRun.Date, "--results", results)).ExitsWith(IngestResult.WatchdogKill);

        Assert.Contains("raw_inventory killed by the watchdog after 2 s", bench.Stderr);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(results, "stellantis_jeep_inventory_fast", "slow", "summary.json")));
        JsonElement stage = Assert.Single(summary.RootElement.GetProperty("stages").EnumerateArray());
        Assert.Equal("raw_inventory", stage.GetProperty("name").GetString());
        Assert.True(stage.GetProperty("killed_by_watchdog").GetBoolean());
        Assert.Equal(IngestResult.WatchdogKill, stage.GetProperty("exit_code").GetInt32());
        Assert.Equal("red", stage.GetProperty("grade").GetString());
        Assert.Empty(ProcessesMentioning(results));
    }

    [Fact]
    public async Task A_stage_that_fails_stops_the_bench_with_its_message_and_exit_code()
    {
        using var folder = new TempFolder();
        string results = folder.Combine("results");
        string upstream = Loopback.ClosedUpstream();

        IngestResult bench = (await IngestExecutable.RunAsync(folder.Path, new Dictionary<string, string> { ["INGEST_MAX_ATTEMPTS"] = "1" },
            "bench", "stellantis_jeep_inventory_fast", "down", "--upstream", upstream, "--date", JeepRun.Date, "--results", results)).ExitsWith(IngestResult.Failure);

        Assert.Contains($"No page could be fetched from {upstream}", bench.Stderr + bench.Stdout); // the child's error, passed on
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(results, "stellantis_jeep_inventory_fast", "down", "summary.json")));
        JsonElement stage = Assert.Single(summary.RootElement.GetProperty("stages").EnumerateArray()); // the transform never ran
        Assert.Equal("raw_inventory", stage.GetProperty("name").GetString());
        Assert.Equal(IngestResult.Failure, stage.GetProperty("exit_code").GetInt32());
        Assert.False(stage.GetProperty("killed_by_watchdog").GetBoolean());
    }

    /// <summary>Live processes whose command line names <paramref name="text"/> (the stage child is given the results folder).</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        if (!OperatingSystem.IsLinux()) return found; // command lines of other processes are read from /proc
        foreach (string dir in Directory.EnumerateDirectories("/proc").Where(d => Regex.IsMatch(Path.GetFileName(d), "^[0-9]+$")))
        {
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal)) found.Add($"{Path.GetFileName(dir)}: {commandLine}");
            }
            catch (IOException)
            {
                // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static string Git(string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = IngestExecutable.RepositoryRoot,
        };
        using var git = System.Diagnostics.Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }
}
