namespace Ingest.Runner.Tests;

/// <summary>Bad arguments and bad scenario files: exit 2 and a message that says what to change; <c>--help</c> everywhere.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private const string RawStage = """{ "name": "raw_inventory", "asset_key": "stellantis/raw/inventory" }""";

    [Fact]
    public async Task An_unknown_scenario_lists_the_known_ones()
    {
        IngestResult run = (await IngestExecutable.RunAsync(_folder.Path, "run", "no_such_scenario", "--warehouse", _folder.Combine("wh"))).ExitsWith(IngestResult.Usage);

        Assert.Contains("There is no scenario 'no_such_scenario'", run.Stderr);
        Assert.Contains("known scenarios: ", run.Stderr);
        foreach (string known in new[] { "mercedes_inventory", "stellantis_jeep_inventory", "stellantis_jeep_inventory_fast" })
            Assert.Contains(known, run.Stderr[run.Stderr.IndexOf("known scenarios: ", StringComparison.Ordinal)..]);
        Assert.False(Directory.Exists(_folder.Combine("wh")));
    }

    [Theory]
    [InlineData("""{ "name": "broken", "oem": """, "is not a valid scenario", "(fields: name, oem, description, env, stages[name, asset_key, label], thresholds)")]
    [InlineData("""{ "name": "empty", "oem": "stellantis", "stages": [] }""", "has no stages", "add at least one {\"name\", \"asset_key\"}")]
    [InlineData("""{ "name": "extra", "oem": "stellantis", "timeout": 5, "stages": [RAW] }""", "The JSON property 'timeout' could not be mapped", "(fields: name, oem, description, env, stages[name, asset_key, label], thresholds)")]
    [InlineData("""{ "name": "offers", "oem": "stellantis", "stages": [RAW, { "name": "offers", "asset_key": "stellantis/raw/offers" }] }""",
        "Stage 'offers' of scenario 'offers'", "names asset 'stellantis/raw/offers', which this runner does not know; known assets: stellantis/raw/inventory, ")]
    [InlineData("""{ "name": "env", "oem": "stellantis", "env": { "INGEST_ZIP": { "code": 10001 } }, "stages": [RAW] }""",
        "is not a valid scenario", "env value INGEST_ZIP must be a string, a number or true/false")]
    public async Task A_bad_scenario_file_is_refused_before_any_work_with_what_to_fix(string json, string problem, string fix)
    {
        string scenarios = _folder.Combine("configs");
        Directory.CreateDirectory(scenarios);
        string file = Path.Combine(scenarios, "bad.json");
        await File.WriteAllTextAsync(file, json.Replace("RAW", RawStage, StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["INGEST_SCENARIOS"] = scenarios };

        string[][] commands = [["run", "bad", "--warehouse", _folder.Combine("wh")], ["bench", "bad", "label", "--results", _folder.Combine("results")]];
        foreach (string[] command in commands)
        {
            IngestResult result = (await IngestExecutable.RunAsync(_folder.Path, environment, command)).ExitsWith(IngestResult.Usage);

            Assert.Contains(file, result.Stderr);
            Assert.Contains(problem, result.Stderr);
            Assert.Contains(fix, result.Stderr);
        }
        Assert.False(Directory.Exists(_folder.Combine("wh")), "a refused scenario materialized a table");
        Assert.False(Directory.Exists(_folder.Combine("results")), "a refused scenario was benchmarked");
    }

    [Fact]
    public void Env_values_written_as_numbers_or_booleans_are_taken_as_their_text()
    {
        string file = _folder.Combine("numbers.json");
        File.WriteAllText(file, """{ "name": "n", "oem": "stellantis", "env": { "INGEST_RADIUS": 50, "INGEST_ZIP": "07030", "FLAG": true }, "stages": [RAW] }"""
            .Replace("RAW", RawStage, StringComparison.Ordinal));

        Scenarios.ScenarioConfig config = Scenarios.ScenarioConfig.Load(file);

        Assert.Equal(new Dictionary<string, string> { ["INGEST_RADIUS"] = "50", ["INGEST_ZIP"] = "07030", ["FLAG"] = "true" }, config.Env);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "stellantis_jeep_inventory_fast", "--bogus")]
    [InlineData("run")]
    [InlineData("run", "stellantis_jeep_inventory_fast", "--date", "2026-13-45")]
    [InlineData("compare", "only-one.json")]
    [InlineData("inspect", "no-namespace")]
    public async Task A_bad_command_line_exits_2_and_says_where_usage_is(params string[] arguments)
    {
        IngestResult result = (await IngestExecutable.RunAsync(_folder.Path, arguments)).ExitsWith(IngestResult.Usage);

        Assert.NotEqual("", result.Stderr.Trim());
        Assert.Equal("", result.Stdout.Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("bench")]
    public async Task An_upstream_that_is_not_a_url_exits_2_with_an_example(string command)
    {
        string[] arguments = command == "run"
            ? ["run", "stellantis_jeep_inventory_fast", "--upstream", "not-a-url", "--warehouse", _folder.Combine("wh")]
            : ["bench", "stellantis_jeep_inventory_fast", "label", "--upstream", "not-a-url", "--results", _folder.Combine("results")];

        IngestResult result = (await IngestExecutable.RunAsync(_folder.Path, arguments)).ExitsWith(IngestResult.Usage);

        Assert.Contains("--upstream 'not-a-url' is not an http(s) URL", result.Stderr);
        Assert.Contains("e.g. http://127.0.0.1:5080/", result.Stderr);
        Assert.False(Directory.Exists(_folder.Combine("wh")));
    }

    [Theory]
    [InlineData("run", "Materializes a scenario's stages")]
    [InlineData("bench", "Benchmarks a scenario: each stage in its own process")]
    [InlineData("compare", "Compares two bench summaries stage by stage")]
    [InlineData("inspect", "Shows a table's schema, partitions")]
    [InlineData("simulate", "Runs the deterministic upstream simulator")]
    [InlineData("list", "Shows the entities compiled into the runner")]
    public async Task Help_for_every_command_exits_0_with_its_description(string command, string description)
    {
        IngestResult help = (await IngestExecutable.RunAsync(_folder.Path, command, "--help")).ExitsWith(IngestResult.Ok);

        Assert.Contains(description, help.Stdout);
        Assert.Contains($"ingest {command}", help.Stdout);
    }

    [Fact]
    public async Task Help_at_the_top_lists_the_commands()
    {
        IngestResult help = (await IngestExecutable.RunAsync(_folder.Path, "--help")).ExitsWith(IngestResult.Ok);

        foreach (string command in new[] { "run", "bench", "compare", "inspect", "simulate", "list" })
            Assert.Matches($@"(?m)^\s+{command}\s", help.Stdout);
    }

    public void Dispose() => _folder.Dispose();
}
