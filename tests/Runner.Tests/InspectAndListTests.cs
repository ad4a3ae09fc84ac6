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
    public async Task List_shows_the_entities_and_the_scenarios()
    {
        using var folder = new TempFolder();

        IngestResult list = (await IngestExecutable.RunAsync(folder.Path, "list")).ExitsWith(IngestResult.Ok);

        Assert.Matches(@"│ stellantis_inventory\s+│ result\.data\.vehicles\s+│ vin\s+│", list.Stdout);
        Assert.Matches(@"│ stellantis_dealers\s+│ dealer\s+│ dealer_code\s+│", list.Stdout);
        Assert.Matches(@"│ mercedes_inventory\s+│ result\.pagedVehicles\.records\s+│ vin\s+│", list.Stdout);
        foreach (string scenario in new[] { "stellantis_jeep_inventory_fast", "stellantis_jeep_inventory", "mercedes_inventory" })
            Assert.Matches($@"│ {scenario}\s+│ \w+\s+│ raw_inventory → transformed_vehicles", list.Stdout);
        Assert.DoesNotContain("invalid", list.Stdout);
    }
}
