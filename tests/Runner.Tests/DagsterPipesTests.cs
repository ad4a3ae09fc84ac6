using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingest.Runner.Tests;

/// <summary>
/// <c>ingest run</c> launched as Dagster's <c>PipesSubprocessClient</c> launches it: the two parameters in the
/// environment (JSON, zlib, base64), the context in a file or inline, messages to a file or stderr. The test plays the
/// orchestrator, with its own encoder and its own reading of the messages.
/// </summary>
public sealed class DagsterPipesTests
{
    private const string Raw = "stellantis/raw/inventory";
    private const string Transformed = "stellantis/transformed/vehicles_from_inventory";

    [Fact]
    public async Task The_step_s_assets_and_partition_are_run_and_each_is_reported_as_materialized()
    {
        using var folder = new TempFolder();
        string contextFile = folder.Combine("context.json");
        string messagesFile = folder.Combine("messages.jsonl");
        File.WriteAllText(contextFile, Context([Raw, Transformed], JeepRun.Date).ToJsonString());

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, Environment(new JsonObject { ["path"] = contextFile }, new JsonObject { ["path"] = messagesFile }),
            "run", "stellantis_jeep_inventory_fast", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Ok);

        List<JsonNode> messages = [.. File.ReadAllLines(messagesFile).Select(line => JsonNode.Parse(line)!)];
        Assert.All(messages, m => Assert.Equal("0.1", (string?)m["__dagster_pipes_version"]));
        Assert.Equal("opened", (string?)messages[0]["method"]);
        Assert.Equal("closed", (string?)messages[^1]["method"]);
        Assert.Null(messages[^1]["params"]!["exception"]);
        JsonNode[] materialized = [.. messages.Where(m => (string?)m["method"] == "report_asset_materialization").Select(m => m["params"]!)];
        Assert.Equal([Raw, Transformed], materialized.Select(p => (string?)p["asset_key"]));
        Assert.Equal(73, (long)materialized[0]["metadata"]!["dagster/row_count"]!["raw_value"]!);
        Assert.Equal("int", (string?)materialized[0]["metadata"]!["dagster/row_count"]!["type"]);
        Assert.Equal(3_223, (long)materialized[1]["metadata"]!["dagster/row_count"]!["raw_value"]!);
        Assert.Equal(JeepRun.Date, (string?)materialized[1]["metadata"]!["partition_date"]!["raw_value"]);
        Assert.Equal("path", (string?)materialized[1]["metadata"]!["path"]!["type"]);

        // The partition is the step's (no --date given), and the stage Dagster did not ask for did not run.
        string vehicles = DuckDb.Read(folder.Combine("wh"), "stellantis/transformed_vehicles_from_inventory");
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(*) FROM {vehicles} WHERE partition_date = DATE '{JeepRun.Date}'"));
        Assert.False(Directory.Exists(Path.Combine(folder.Combine("wh"), "stellantis", "consolidated_vehicles")));
        Assert.Contains($"partition {JeepRun.Date}", run.Stderr);
    }

    [Fact]
    public async Task An_asset_no_stage_materializes_closes_the_session_with_the_error()
    {
        using var folder = new TempFolder();
        JsonObject context = Context([Raw, "stellantis/raw/nope"], JeepRun.Date);

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, Environment(new JsonObject { ["data"] = context }, new JsonObject { ["stdio"] = "stderr" }),
            "run", "stellantis_jeep_inventory_fast", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Usage);

        List<JsonNode> messages = [.. run.Stderr.Split('\n').Where(line => line.StartsWith("{\"__dagster_pipes_version\"", StringComparison.Ordinal)).Select(line => JsonNode.Parse(line)!)];
        Assert.Equal(["opened", "closed"], messages.Select(m => (string?)m["method"]));
        string error = (string)messages[1]["params"]!["exception"]!["message"]!;
        Assert.Contains("Dagster asks for asset 'stellantis/raw/nope', which no stage of scenario 'stellantis_jeep_inventory_fast' materializes", error, StringComparison.Ordinal);
        Assert.Contains(error, run.Stderr);
    }

    [Fact]
    public async Task A_partition_key_that_disagrees_with_date_or_is_not_a_date_is_a_usage_error()
    {
        using var folder = new TempFolder();

        IngestResult disagree = (await IngestExecutable.RunAsync(folder.Path, Environment(new JsonObject { ["data"] = Context([Raw], JeepRun.Date) }, new JsonObject { ["stdio"] = "stderr" }),
            "run", "stellantis_jeep_inventory_fast", "--date", "2026-11-20", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Usage);
        Assert.Contains($"--date 2026-11-20 and the Dagster partition key {JeepRun.Date} disagree", disagree.Stderr);

        IngestResult notADate = (await IngestExecutable.RunAsync(folder.Path, Environment(new JsonObject { ["data"] = Context([Raw], "jeep|2026") }, new JsonObject { ["stdio"] = "stderr" }),
            "run", "stellantis_jeep_inventory_fast", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Usage);
        Assert.Contains("The Dagster partition key 'jeep|2026' is not a date", notADate.Stderr);

        IngestResult garbled = (await IngestExecutable.RunAsync(folder.Path, new Dictionary<string, string> { ["DAGSTER_PIPES_CONTEXT"] = "not base64!", ["DAGSTER_PIPES_MESSAGES"] = "x" },
            "run", "stellantis_jeep_inventory_fast", "--warehouse", folder.Combine("wh"))).ExitsWith(IngestResult.Usage);
        Assert.Contains("DAGSTER_PIPES_CONTEXT is not a Dagster Pipes parameter", garbled.Stderr);
    }

    /// <summary>The context Dagster gives a step of a daily-partitioned multi-asset.</summary>
    private static JsonObject Context(string[] assetKeys, string partition) => new()
    {
        ["asset_keys"] = new JsonArray([.. assetKeys.Select(k => JsonValue.Create(k))]),
        ["code_version_by_asset_key"] = null,
        ["provenance_by_asset_key"] = null,
        ["partition_key"] = partition,
        ["partition_key_range"] = new JsonObject { ["start"] = partition, ["end"] = partition },
        ["partition_time_window"] = null,
        ["run_id"] = "8d3c0f6e-run",
        ["job_name"] = "jeep_inventory",
        ["retry_number"] = 0,
        ["extras"] = new JsonObject(),
    };

    private static Dictionary<string, string> Environment(JsonObject context, JsonObject messages) => new()
    {
        ["DAGSTER_PIPES_CONTEXT"] = Encode(context),
        ["DAGSTER_PIPES_MESSAGES"] = Encode(messages),
    };

    /// <summary>Dagster's <c>encode_param</c>: JSON, zlib-compressed, base64-encoded.</summary>
    private static string Encode(JsonNode value)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.UTF8.GetBytes(value.ToJsonString()));
        return Convert.ToBase64String(compressed.ToArray());
    }
}
