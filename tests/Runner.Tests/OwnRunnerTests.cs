using System.Text.Json;

namespace Ingest.Runner.Tests;

/// <summary>
/// A team's own runner (<c>tests/Runner.OwnRunner</c>, the code of docs/your-own-runner.md): its entity and stages
/// on the same command line, run, listed and benchmarked as processes, with its own scenario folder.
/// </summary>
public sealed class OwnRunnerTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "acme-ingest.dll");

    private static readonly Dictionary<string, string> Scenarios = new()
    {
        ["INGEST_SCENARIOS"] = Path.Combine(IngestExecutable.RepositoryRoot, "tests", "Runner.OwnRunner", "scenarios"),
    };

    [Fact]
    public async Task Its_scenario_runs_raw_to_consolidated_with_its_entity()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");

        IngestResult run = (await IngestExecutable.RunAppAsync(Dll, folder.Path, Scenarios, "run", "acme_jeeps", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        Assert.Matches(@"│ history\s+│ [\d,]+\s+│ [\d,]+\s+│ 10\s+│", run.Stdout);
        Assert.Contains($"or: acme-ingest inspect acme/consolidated_jeeps --warehouse {warehouse}", run.Stdout); // its own name in the hints
        string jeeps = DuckDb.Read(warehouse, "acme/transformed_jeeps");
        string history = DuckDb.Read(warehouse, "acme/consolidated_jeeps");
        long vehicles = DuckDb.Count($"SELECT count(*) FROM {jeeps}");
        Assert.True(vehicles > 0);
        Assert.Equal(vehicles, DuckDb.Count($"SELECT count(*) FROM {history} WHERE is_active"));
        Assert.Equal(["vin", "model_year", "msrp", "drive", "dealer_code", "_snapshot"], DuckDb.Columns(DuckDb.Read(warehouse, "acme/transformed_jeeps", hive: false)));
        Assert.Equal(vehicles, DuckDb.Count($"SELECT count(DISTINCT vin) FROM {jeeps}"));
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {jeeps} WHERE drive IS NOT NULL AND msrp > 0") > vehicles / 2); // the selection and the coercion read values
    }

    [Fact]
    public async Task It_lists_its_own_entity_and_benchmarks_its_stages_in_processes_of_its_own()
    {
        using var folder = new TempFolder();

        IngestResult list = (await IngestExecutable.RunAppAsync(Dll, folder.Path, Scenarios, "list")).ExitsWith(IngestResult.Ok);
        Assert.Contains("acme_jeeps", list.Stdout);
        Assert.DoesNotContain("stellantis_inventory", list.Stdout);

        // bench starts each stage as a child of the same executable: acme-ingest, which knows the acme assets.
        (await IngestExecutable.RunAppAsync(Dll, folder.Path, Scenarios, "bench", "acme_jeeps", "own", "--date", JeepRun.Date, "--results", folder.Combine("results")))
            .ExitsWith(IngestResult.Ok);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder.Combine("results"), "acme_jeeps", "own", "summary.json")));
        JsonElement[] stages = [.. summary.RootElement.GetProperty("stages").EnumerateArray()];
        Assert.Equal(["raw", "jeeps", "history"], stages.Select(s => s.GetProperty("name").GetString()));
        Assert.All(stages, stage => Assert.Equal(0, stage.GetProperty("exit_code").GetInt32()));

        // The shipped runner does not know them.
        IngestResult shipped = (await IngestExecutable.RunAsync(folder.Path, Scenarios, "run", "acme_jeeps", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Usage);
        Assert.Contains("names asset 'acme/raw/jeep', which this runner does not know", shipped.Stderr);
    }
}
