namespace Ingest.Runner.Tests;

/// <summary><c>ingest inspect</c> over a run's warehouse, and <c>ingest list</c>.</summary>
[Collection(JeepRun.Collection)]
public sealed class InspectAndListTests(JeepRun jeep)
{
    [Fact]
    public async Task Inspect_shows_the_partition_its_rows_and_the_schema()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);

        IngestResult inspect = (await IngestExecutable.RunAsync(jeep.Warehouse, "inspect", "stellantis/transformed_vehicles_from_inventory", "--warehouse", jeep.Warehouse))
            .ExitsWith(IngestResult.Ok);

        Assert.Matches($@"│ {JeepRun.Date} │ 3,223 │ 1 ", inspect.Stdout);
        Assert.Matches(@"│ vin\s+│ utf8\s+│", inspect.Stdout);
        Assert.Matches(@"│ _snapshot\s+│", inspect.Stdout);
        Assert.Contains("First 5 rows of the newest partition", inspect.Stdout);
    }

    [Fact]
    public async Task Inspect_of_a_table_never_written_exits_1_and_says_to_run_first()
    {
        using var empty = new TempFolder();

        IngestResult inspect = (await IngestExecutable.RunAsync(empty.Path, "inspect", "stellantis/transformed_vehicles_from_inventory", "--warehouse", empty.Path))
            .ExitsWith(IngestResult.Failure);

        Assert.Contains("has no committed partition", inspect.Stderr);
        Assert.Contains($"run `ingest run <scenario> --warehouse {empty.Path}` first", inspect.Stderr);
    }

    [Fact]
    public async Task Inspect_names_partitions_written_with_another_schema_and_how_to_read_them()
    {
        using var folder = new TempFolder();
        Ingest.Tables.Table table = new Ingest.Tables.TableStore(folder.Path).OpenTable("stellantis", "vehicles");
        await WriteOneRowAsync(table, new DateOnly(2026, 11, 26), "badge");
        await WriteOneRowAsync(table, new DateOnly(2026, 11, 27), "trim");

        IngestResult inspect = (await IngestExecutable.RunAsync(folder.Path, "inspect", "stellantis/vehicles", "--warehouse", folder.Path, "--rows", "1"))
            .ExitsWith(IngestResult.Ok);

        Assert.Contains("Schema of 2026-11-27 against 1 partition (2026-11-26): added trim; removed badge.", inspect.Stdout);
        Assert.Contains("union_by_name = true", inspect.Stdout);
        // The overview shows each partition's schema fingerprint, so the change is visible at a glance.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(inspect.Stdout, @"│ [0-9a-f]{8} │").Select(m => m.Value).Distinct().Count());
    }

    private static async Task WriteOneRowAsync(Ingest.Tables.Table table, DateOnly day, string column)
    {
        var schema = new Apache.Arrow.Schema.Builder()
            .Field(new Apache.Arrow.Field("vin", Apache.Arrow.Types.StringType.Default, nullable: true))
            .Field(new Apache.Arrow.Field(column, Apache.Arrow.Types.StringType.Default, nullable: true))
            .Build();
        await using Ingest.Tables.PartitionWriter writer = table.CreatePartitionWriter(day, schema);
        using var batch = new Apache.Arrow.RecordBatch(schema,
            [new Apache.Arrow.StringArray.Builder().Append("1C4VIN").Build(), new Apache.Arrow.StringArray.Builder().Append("x").Build()], 1);
        await writer.WriteAsync(batch);
        await writer.CommitAsync();
    }

    [Fact]
    public async Task List_shows_the_entities_and_the_scenarios()
    {
        using var folder = new TempFolder();

        IngestResult list = (await IngestExecutable.RunAsync(folder.Path, "list")).ExitsWith(IngestResult.Ok);

        Assert.Matches(@"│ stellantis_inventory\s+│ result\.data\.vehicles\s+│ vin\s+│", list.Stdout);
        Assert.Matches(@"│ stellantis_dealers\s+│ dealer\s+│ dealer_code\s+│", list.Stdout);
        Assert.Matches(@"│ mercedes_inventory\s+│ result\.pagedVehicles\.records\s+│ vin\s+│", list.Stdout);
        Assert.Matches(@"│ stellantis_dealer_feed\s+│ items\s+│ vin\s+│", list.Stdout);
        Assert.Matches(@"│ stellantis_jeep_dealer_feed_fast\s+│ \w+\s+│ raw_inventory → transformed_vehicles → raw_dealer_feed → transformed_dealer_feed →", list.Stdout);
        foreach (string scenario in new[] { "stellantis_jeep_inventory_fast", "stellantis_jeep_inventory", "mercedes_inventory" })
            Assert.Matches($@"│ {scenario}\s+│ \w+\s+│ raw_inventory → transformed_vehicles", list.Stdout);
        Assert.DoesNotContain("invalid", list.Stdout);
    }
}
