using System.Text.Json;
using Ingest.Entities.Stellantis;
using Ingest.Simulator;

namespace Ingest.Tiers.Tests;

/// <summary>The transformed stage over raw partitions the raw stage fetched from the simulator.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class TransformedStageTests(SimulatorFixture fixture) : IDisposable
{
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private string Vehicles => _warehouse.Read("transformed", "stellantis_inventory");

    [Fact]
    public async Task The_vehicle_table_has_a_row_per_vehicle_and_a_snapshot()
    {
        SimulatorServer server = fixture.Fresh();
        await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());

        TransformedStageReport report = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        int vehicles = fixture.TotalVehicles;
        Assert.Equal(fixture.TotalPages, report.RowsIn);
        Assert.Equal(vehicles, report.RowsExtracted);
        Assert.Equal(vehicles, report.RowsOut);
        Assert.Equal(0, report.ConflictingRows);
        Assert.Equal(0, report.DuplicateRows);
        Assert.Empty(report.QuarantinedPages);
        Assert.True(report.Memory.PeakGcHeapBytes > 0);
        Assert.Equal(vehicles, Warehouse.Count($"SELECT count(*) FROM {Vehicles}"));
        Assert.Equal(vehicles, Warehouse.Count($"SELECT count(DISTINCT vin) FROM {Vehicles}"));
        Assert.Equal(vehicles, Warehouse.Count($"SELECT count(DISTINCT _snapshot) FROM {Vehicles} WHERE _snapshot IS NOT NULL"));
        var expected = fixture.Codes.SelectMany(c => server.Pages.Vehicles(SimulatorFixture.Query(c.Code))).Select(v => v.Vin).Order(StringComparer.Ordinal);
        var actual = Warehouse.Query($"SELECT vin FROM {Vehicles}").Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(0, Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("transformed", "stellantis_inventory_quarantine")}"));
    }

    [Fact]
    public async Task Malformed_pages_go_to_quarantine_with_their_bytes_and_failed_pages_are_counted()
    {
        fixture.Fresh(new FaultOptions { Seed = 3, MalformedJsonRate = 0.25, ServerErrorRate = 0.25 });
        RawStageReport raw = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 1 }));
        Assert.True(raw.NotJsonPages > 0 && raw.FailedPages > 0, raw.ToString());

        TransformedStageReport report = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        var rawRows = Warehouse.Query($"SELECT sub_resource, page_number, outcome, body FROM {_warehouse.Read("raw", "stellantis_inventory")}");
        Assert.Equal(raw.FailedPages, report.FailedPages);
        Assert.Equal(raw.NotJsonPages, report.QuarantinedPages.Count);
        var quarantined = Warehouse.Query(
            $"SELECT sub_resource, page, reason, body, CAST(partition_date AS VARCHAR) FROM {_warehouse.Read("transformed", "stellantis_inventory_quarantine")}");
        Assert.Equal(raw.NotJsonPages, quarantined.Count);
        foreach (object?[] row in quarantined)
        {
            object?[] source = Assert.Single(rawRows, r => TransformedStage.PageLabel((string)r[0]!, (int)r[1]!) == (string)row[1]!);
            Assert.Equal("not_json", source[2]);
            Assert.Equal((string)source[0]!, row[0]);
            Assert.Equal((byte[])source[3]!, (byte[])row[3]!);
            Assert.False(string.IsNullOrEmpty((string)row[2]!));
            Assert.Equal("2026-11-27", row[4]);
        }
        long expected = rawRows.Where(r => (string)r[2]! == "fetched").Sum(r => RecordCount((byte[])r[3]!));
        Assert.Equal(expected, report.RowsOut);
        Assert.Equal(expected, Warehouse.Count($"SELECT count(*) FROM {Vehicles}"));
    }

    [Fact]
    public async Task A_replay_after_the_upstream_is_gone_gives_the_same_table_and_snapshots()
    {
        await using (SimulatorServer own = await SimulatorServer.StartAsync(new SimulatorOptions { Date = SimulatorFixture.Today }))
        {
            await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions(own));
            await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());
        }
        var first = Snapshots();

        TransformedStageReport replay = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        Assert.Equal(first.Count, replay.RowsOut);
        Assert.Equal(first, Snapshots());

        // Another run from scratch (fresh fetch, another warehouse) gives the same snapshots: they depend on values only.
        using var other = new Warehouse();
        fixture.Fresh();
        await RawStage.RunAsync(SimulatorFixture.Today, other.Root, fixture.RawOptions());
        await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, other.Root, SimulatorFixture.TransformedOptions());
        Assert.Equal(first, Warehouse.Query($"SELECT vin, _snapshot FROM {other.Read("transformed", "stellantis_inventory")} ORDER BY vin")
            .Select(r => ((string)r[0]!, (long)r[1]!)).ToList());
    }

    [Fact]
    public async Task The_report_names_older_partitions_written_with_another_schema()
    {
        // Yesterday's partition of the vehicle table, as an earlier version of the entity wrote it: vin and a column
        // the entity no longer has.
        var older = new Apache.Arrow.Schema.Builder()
            .Field(new Apache.Arrow.Field("vin", Apache.Arrow.Types.StringType.Default, nullable: true))
            .Field(new Apache.Arrow.Field("badge", Apache.Arrow.Types.StringType.Default, nullable: true))
            .Build();
        DateOnly yesterday = SimulatorFixture.Today.AddDays(-1);
        Ingest.Tables.Table vehicles = new Ingest.Tables.TableStore(_warehouse.Root).OpenTable("transformed", "stellantis_inventory");
        await using (Ingest.Tables.PartitionWriter writer = vehicles.CreatePartitionWriter(yesterday, older))
        {
            using var batch = new Apache.Arrow.RecordBatch(older,
                [new Apache.Arrow.StringArray.Builder().Append("1C4OLDVIN").Build(), new Apache.Arrow.StringArray.Builder().Append("trailhawk").Build()], 1);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }
        fixture.Fresh();
        await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());

        TransformedStageReport report = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        Ingest.Tables.SchemaDifference difference = Assert.Single(report.SchemaDifferences);
        Assert.Equal([yesterday], difference.Partitions);
        Assert.Equal(["badge"], difference.Removed);
        Assert.Equal(StellantisVehicle.ArrowSchema.FieldsList.Count, difference.Added.Count); // every column but vin, and _snapshot
        Assert.Contains("_snapshot", difference.Added);
        Assert.Contains("this partition's schema against 1 partition (2026-11-26): added model_year", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_served_twice_by_a_shifting_inventory_are_dropped_as_duplicates()
    {
        fixture.Fresh(new FaultOptions { RowShiftAfterPage = 1, RowShiftKind = RowShiftKind.Insertion });
        RawStageOptions options = fixture.RawOptions() with { Source = fixture.RawOptions().Source with { Concurrency = 1 } };
        await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options);

        TransformedStageReport report = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        Assert.True(report.DuplicateRows > 0, report.ToString());
        Assert.Equal(report.RowsExtracted - report.DuplicateRows - report.ConflictingRows, report.RowsOut);
        Assert.Equal(report.RowsOut, Warehouse.Count($"SELECT count(DISTINCT vin) FROM {Vehicles}"));
        Assert.Equal(report.RowsOut, Warehouse.Count($"SELECT count(*) FROM {Vehicles}"));
    }

    private List<(string Vin, long Snapshot)> Snapshots() =>
        [.. Warehouse.Query($"SELECT vin, _snapshot FROM {Vehicles} ORDER BY vin").Select(r => ((string)r[0]!, (long)r[1]!))];

    private static int RecordCount(byte[] page)
    {
        using var document = JsonDocument.Parse(page);
        return document.RootElement.GetProperty("result").GetProperty("data").GetProperty("vehicles").GetArrayLength();
    }
}
