using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Entities.Stellantis;
using Ingest.Simulator;
using Ingest.Sources;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers.Tests;

/// <summary>
/// The consolidated stage over days the simulator served: its day-to-day inventory (sold, new and repriced vehicles),
/// and days on which a model-year code was not fetched, so its vehicles go and come back. Read back with DuckDB.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class ConsolidatedStageTests(SimulatorFixture fixture) : IDisposable
{
    private static readonly DateOnly Day1 = SimulatorFixture.Today;
    private static readonly DateOnly Day2 = SimulatorFixture.Today.AddDays(1);
    private static readonly DateOnly Day3 = SimulatorFixture.Today.AddDays(2);

    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private static ConsolidatedStageOptions Options => new() { SourceTable = "stellantis_inventory" };

    // By name: a test rewrites a partition as an earlier entity wrote it.
    private string Consolidated(DateOnly date) =>
        $"(SELECT * FROM {_warehouse.Read("consolidated", "stellantis_inventory")[..^1]}, union_by_name = true) WHERE partition_date = DATE '{date:yyyy-MM-dd}')";

    private string Transformed(DateOnly date) =>
        $"(SELECT * FROM {_warehouse.Read("transformed", "stellantis_inventory")} WHERE partition_date = DATE '{date:yyyy-MM-dd}')";

    /// <summary>Fetches and transforms one day (from <paramref name="server"/>, the codes given or all), then consolidates it.</summary>
    private async Task<ConsolidatedStageReport> DayAsync(DateOnly date, SimulatorServer? server = null, int codes = 3)
    {
        server ??= fixture.Fresh();
        RawStageOptions raw = fixture.RawOptions(server) with { SubResources = [.. fixture.Codes.Take(codes).Select(c => new SubResource(c.Code))] };
        await RawStage.RunAsync(date, _warehouse.Root, raw);
        await TransformedStage.RunAsync<StellantisVehicle>(date, _warehouse.Root, SimulatorFixture.TransformedOptions());
        return await ConsolidatedStage.RunAsync<StellantisVehicle>(date, _warehouse.Root, Options);
    }

    [Fact]
    public async Task The_first_day_has_every_key_new_and_active()
    {
        ConsolidatedStageReport report = await DayAsync(Day1);

        int vehicles = fixture.TotalVehicles;
        Assert.Null(report.HistoryDate);
        Assert.Equal(vehicles, report.RowsIn);
        Assert.Equal(vehicles, report.RowsOut);
        Assert.Equal(vehicles, report.NewKeys);
        Assert.Equal(0, report.ChangedKeys + report.UnchangedKeys + report.GoneKeys + report.StillGoneKeys);
        Assert.Equal(vehicles, Warehouse.Count(
            $"SELECT count(*) FROM {Consolidated(Day1)} WHERE is_active AND first_seen = DATE '{Day1:yyyy-MM-dd}' AND last_seen = first_seen AND last_changed = first_seen"));
        // Today's columns are the transformed table's, value for value.
        Assert.Equal(0, Warehouse.Count(
            $"SELECT count(*) FROM (SELECT * EXCLUDE (first_seen, last_seen, last_changed, is_active) FROM {Consolidated(Day1)} EXCEPT SELECT * FROM {Transformed(Day1)})"));
    }

    [Fact]
    public async Task A_later_day_finds_the_vehicles_sold_new_and_repriced()
    {
        await DayAsync(Day1);
        DateOnly later = Day1.AddDays(4);
        ConsolidatedStageReport report;
        await using (SimulatorServer own = await SimulatorServer.StartAsync(new SimulatorOptions { Date = later }))
            report = await DayAsync(later, own);

        string before = Transformed(Day1), after = Transformed(later);
        long sold = Warehouse.Count($"SELECT count(*) FROM {before} b WHERE b.vin NOT IN (SELECT vin FROM {after})");
        long arrived = Warehouse.Count($"SELECT count(*) FROM {after} a WHERE a.vin NOT IN (SELECT vin FROM {before})");
        long changed = Warehouse.Count($"SELECT count(*) FROM {before} b JOIN {after} a USING (vin) WHERE a._snapshot <> b._snapshot");
        long unchanged = Warehouse.Count($"SELECT count(*) FROM {before} b JOIN {after} a USING (vin) WHERE a._snapshot = b._snapshot");
        Assert.True(sold > 0 && arrived > 0 && changed > 0 && unchanged > 0, $"sold {sold}, arrived {arrived}, changed {changed}, unchanged {unchanged}");

        Assert.Equal(Day1, report.HistoryDate);
        Assert.Equal(sold, report.GoneKeys);
        Assert.Equal(arrived, report.NewKeys);
        Assert.Equal(changed, report.ChangedKeys);
        Assert.Equal(unchanged, report.UnchangedKeys);
        Assert.Equal(0, report.ReturnedKeys + report.StillGoneKeys);
        Assert.Equal(report.RowsIn + sold, report.RowsOut);

        string table = Consolidated(later);
        string d1 = $"DATE '{Day1:yyyy-MM-dd}'", d2 = $"DATE '{later:yyyy-MM-dd}'";
        Assert.Equal(report.RowsOut, Warehouse.Count($"SELECT count(DISTINCT vin) FROM {table}"));
        Assert.Equal(sold, Warehouse.Count($"SELECT count(*) FROM {table} WHERE NOT is_active AND first_seen = {d1} AND last_seen = {d1} AND last_changed = {d1}"));
        Assert.Equal(arrived, Warehouse.Count($"SELECT count(*) FROM {table} WHERE is_active AND first_seen = {d2} AND last_changed = {d2}"));
        Assert.Equal(changed, Warehouse.Count($"SELECT count(*) FROM {table} WHERE is_active AND first_seen = {d1} AND last_seen = {d2} AND last_changed = {d2}"));
        Assert.Equal(unchanged, Warehouse.Count($"SELECT count(*) FROM {table} WHERE is_active AND first_seen = {d1} AND last_seen = {d2} AND last_changed = {d1}"));
        // A sold vehicle keeps the values it was last seen with; an active one has today's.
        Assert.Equal(0, Warehouse.Count(
            $"SELECT count(*) FROM {table} c JOIN {before} b USING (vin) WHERE NOT c.is_active AND (c._snapshot <> b._snapshot OR c.msrp IS DISTINCT FROM b.msrp)"));
        Assert.Equal(0, Warehouse.Count(
            $"SELECT count(*) FROM {table} c JOIN {after} a USING (vin) WHERE c._snapshot <> a._snapshot OR c.discounted_price IS DISTINCT FROM a.discounted_price"));
    }

    [Fact]
    public async Task Keys_go_and_come_back_with_their_first_seen_and_a_rerun_gives_the_same_partition()
    {
        await DayAsync(Day1);
        int thirdCode = fixture.Server.Pages.Count(SimulatorFixture.Query(fixture.Codes[2].Code));

        ConsolidatedStageReport gone = await DayAsync(Day2, codes: 2);
        Assert.Equal(thirdCode, gone.GoneKeys);
        Assert.Equal(fixture.TotalVehicles - thirdCode, gone.UnchangedKeys);
        Assert.Equal(0, gone.NewKeys + gone.ChangedKeys);
        Assert.Equal(fixture.TotalVehicles, gone.RowsOut);

        ConsolidatedStageReport back = await DayAsync(Day3);
        Assert.Equal(Day2, back.HistoryDate);
        Assert.Equal(thirdCode, back.ReturnedKeys);
        Assert.Equal(fixture.TotalVehicles, back.UnchangedKeys);
        Assert.Equal(0, back.GoneKeys + back.StillGoneKeys + back.NewKeys);
        Assert.Equal(fixture.TotalVehicles, Warehouse.Count(
            $"SELECT count(*) FROM {Consolidated(Day3)} WHERE is_active AND first_seen = DATE '{Day1:yyyy-MM-dd}' AND last_changed = DATE '{Day1:yyyy-MM-dd}' AND last_seen = DATE '{Day3:yyyy-MM-dd}'"));

        // Day 2 again: the same history (day 1), the same rows, a new commit; day 3 is named as built on the old one.
        List<object?[]> first = Rows(Day2);
        ConsolidatedStageReport rerun = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day2, _warehouse.Root, Options);
        Assert.NotEqual(gone.CommitId, rerun.CommitId);
        Assert.Equal(first, Rows(Day2));
        Assert.Equal([Day3], rerun.LaterPartitions);
        Assert.Contains("later partitions built on the history this one replaced: 2026-11-29", rerun.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_pages_without_records_are_counted_because_their_keys_read_as_gone()
    {
        fixture.Fresh(new FaultOptions { Seed = 5, ServerErrorRate = 0.2, MalformedJsonRate = 0.1 });
        RawStageReport raw = await RawStage.RunAsync(Day1, _warehouse.Root, fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 1 }));
        Assert.True(raw.FailedPages > 0 && raw.NotJsonPages > 0, raw.ToString());
        await TransformedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, SimulatorFixture.TransformedOptions());

        ConsolidatedStageReport notChecked = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options);
        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options with { RawTable = "stellantis_inventory" });

        Assert.Equal(0, notChecked.PagesWithoutRecords);
        Assert.Equal(raw.FailedPages + raw.NotJsonPages, report.PagesWithoutRecords);
        var expected = Warehouse.Query($"SELECT DISTINCT sub_resource FROM {_warehouse.Read("raw", "stellantis_inventory")} WHERE outcome <> 'fetched' ORDER BY 1")
            .Select(r => (string)r[0]!);
        Assert.Equal(expected, report.SubResourcesWithoutRecords);
        Assert.Contains($"{report.PagesWithoutRecords} raw pages of the day brought no records", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_dates_never_consolidated_before_this_one_are_named()
    {
        foreach (DateOnly day in new[] { Day1, Day2, Day3 })
        {
            fixture.Fresh();
            await RawStage.RunAsync(day, _warehouse.Root, fixture.RawOptions());
            await TransformedStage.RunAsync<StellantisVehicle>(day, _warehouse.Root, SimulatorFixture.TransformedOptions());
        }

        ConsolidatedStageReport first = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day2, _warehouse.Root, Options);
        Assert.Equal([Day1], first.SkippedSourcePartitions);
        ConsolidatedStageReport inOrder = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options);
        Assert.Empty(inOrder.SkippedSourcePartitions);
        Assert.Equal([Day2], inOrder.LaterPartitions);

        ConsolidatedStageReport skipping = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day3, _warehouse.Root, Options with { Table = "skipping" });
        Assert.Equal([Day1, Day2], skipping.SkippedSourcePartitions);
        Assert.Contains("source partitions never consolidated, between the history and this date: 2026-11-27, 2026-11-28", skipping.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_gone_longer_than_the_days_kept_are_no_longer_carried()
    {
        await DayAsync(Day1);
        int thirdCode = fixture.Server.Pages.Count(SimulatorFixture.Query(fixture.Codes[2].Code));
        ConsolidatedStageReport gone = await DayAsync(Day2, codes: 2);
        Assert.Equal(thirdCode, gone.GoneKeys);
        await DayAsync(Day3, codes: 2); // the transformed partition of day 3; consolidated again below

        // Last seen on day 1: two days before day 3.
        ConsolidatedStageReport kept = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day3, _warehouse.Root, Options with { KeepGoneDays = 2 });
        Assert.Equal(thirdCode, kept.StillGoneKeys);
        Assert.Equal(0, kept.ExpiredKeys);
        ConsolidatedStageReport expired = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day3, _warehouse.Root, Options with { KeepGoneDays = 1 });
        Assert.Equal(thirdCode, expired.ExpiredKeys);
        Assert.Equal(0, expired.StillGoneKeys);
        Assert.Equal(fixture.TotalVehicles - thirdCode, expired.RowsOut);
        Assert.Equal(0, Warehouse.Count($"SELECT count(*) FROM {Consolidated(Day3)} WHERE NOT is_active"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ConsolidatedStage.RunAsync<StellantisVehicle>(Day3, _warehouse.Root, Options with { KeepGoneDays = -1 }));
    }

    [Fact]
    public async Task Rows_without_a_key_are_new_each_day_and_never_carried()
    {
        foreach (DateOnly day in new[] { Day1, Day2 })
        {
            fixture.Fresh();
            await RawStage.RunAsync(day, _warehouse.Root, fixture.RawOptions());
            await TransformedStage.RunAsync<StellantisVehicle>(day, _warehouse.Root, SimulatorFixture.TransformedOptions());
            await NullFirstVinsAsync(day, 3);
        }

        ConsolidatedStageReport first = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options);
        ConsolidatedStageReport second = await ConsolidatedStage.RunAsync<StellantisVehicle>(Day2, _warehouse.Root, Options);

        Assert.Equal(3, first.NullKeyRows);
        Assert.Equal(3, second.NullKeyRows);
        Assert.Equal(fixture.TotalVehicles - 3, second.UnchangedKeys);
        Assert.Equal(0, second.GoneKeys + second.NewKeys);
        Assert.Equal(fixture.TotalVehicles, second.RowsOut); // day 1's keyless rows are not carried
        Assert.Equal(3, Warehouse.Count($"SELECT count(*) FROM {Consolidated(Day2)} WHERE vin IS NULL AND is_active AND first_seen = DATE '{Day2:yyyy-MM-dd}'"));
    }

    /// <summary>Rewrites a transformed partition with the first <paramref name="rows"/> VINs null.</summary>
    private async Task NullFirstVinsAsync(DateOnly date, int rows)
    {
        Table table = new TableStore(_warehouse.Root).OpenTable("transformed", "stellantis_inventory");
        List<RecordBatch> batches = await ReadAllAsync(table, date);
        int vin = batches[0].Schema.GetFieldIndex("vin");
        int seen = 0;
        await WriteAsync(table, date, batches[0].Schema, batches, batch =>
        {
            var vins = (StringArray)batch.Column(vin);
            var builder = new StringArray.Builder();
            for (int row = 0; row < batch.Length; row++, seen++) builder.Append(seen < rows ? null : vins.GetString(row));
            List<IArrowArray> columns = [.. Enumerable.Range(0, batch.ColumnCount).Select(batch.Column)];
            columns[vin] = builder.Build();
            return columns;
        });
    }

    [Fact]
    public async Task History_written_by_an_earlier_entity_is_carried_by_column_name()
    {
        await DayAsync(Day1);
        // Day 1's partition as an earlier version of the entity wrote it: without dealer_notes, with a column since dropped.
        await RewriteAsync("consolidated", Day1, schema => schema.GetFieldIndex("dealer_notes"), new Field("badge", StringType.Default, nullable: true));

        ConsolidatedStageReport report = await DayAsync(Day2, codes: 2);

        int thirdCode = fixture.Server.Pages.Count(SimulatorFixture.Query(fixture.Codes[2].Code));
        Assert.Equal(thirdCode, report.GoneKeys);
        string table = Consolidated(Day2);
        Assert.Equal(thirdCode, Warehouse.Count($"SELECT count(*) FROM {table} WHERE NOT is_active AND dealer_notes IS NULL"));
        Assert.True(Warehouse.Count($"SELECT count(*) FROM {table} WHERE is_active AND dealer_notes IS NOT NULL") > 0);
        Assert.Equal(thirdCode, Warehouse.Count(
            $"SELECT count(*) FROM {table} c JOIN {Transformed(Day1)} t USING (vin) WHERE NOT c.is_active AND c._snapshot = t._snapshot AND c.msrp IS NOT DISTINCT FROM t.msrp"));
        string day2Files = Path.Combine(_warehouse.Root, "consolidated", "stellantis_inventory", $"partition_date={Day2:yyyy-MM-dd}", "*.parquet");
        List<object?[]> columns = Warehouse.Query($"DESCRIBE SELECT * FROM read_parquet('{day2Files}', hive_partitioning = false)");
        Assert.Equal(ConsolidatedTier.SchemaFor(ConsolidatedTier.SourceSchema(StellantisVehicle.Descriptor)).FieldsList.Select(f => f.Name), columns.Select(c => (string)c[0]!));
    }

    [Fact]
    public async Task A_history_column_whose_type_changed_is_an_error_that_says_what_to_do()
    {
        await DayAsync(Day1);
        await RetypeAsync("consolidated", Day1, "model_year");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => DayAsync(Day2, codes: 2));

        Assert.Contains("Column model_year is int32 now and utf8 in partition 2026-11-27 of consolidated/stellantis_inventory", error.Message, StringComparison.Ordinal);
        Assert.Contains("Give the column a new name in the entity, or start a new consolidated table", error.Message, StringComparison.Ordinal);
        Assert.Null(new TableStore(_warehouse.Root).OpenTable("consolidated", "stellantis_inventory").ReadManifest(Day2));
    }

    [Fact]
    public async Task A_missing_or_outdated_transformed_partition_is_an_error_that_says_what_to_run()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options));
        Assert.Equal("Transformed table transformed/stellantis_inventory has no committed partition 2026-11-27; run the transformed stage for that date first.", missing.Message);

        await DayAsync(Day1);
        await RewriteAsync("transformed", Day1, schema => schema.GetFieldIndex("dealer_notes"));
        var outdated = await Assert.ThrowsAsync<InvalidDataException>(
            () => ConsolidatedStage.RunAsync<StellantisVehicle>(Day1, _warehouse.Root, Options));
        Assert.Contains("re-run the transformed stage for that date first", outdated.Message, StringComparison.Ordinal);
    }

    private List<object?[]> Rows(DateOnly date) => Warehouse.Query(
        $"SELECT vin, _snapshot, first_seen, last_seen, last_changed, is_active, msrp FROM {Consolidated(date)} ORDER BY vin");

    /// <summary>Rewrites a partition in place without one column and with an added all-null one (if given).</summary>
    private async Task RewriteAsync(string @namespace, DateOnly date, Func<Schema, int> drop, Field? add = null)
    {
        Table table = new TableStore(_warehouse.Root).OpenTable(@namespace, "stellantis_inventory");
        List<RecordBatch> batches = await ReadAllAsync(table, date);
        int dropped = drop(batches[0].Schema);
        var builder = new Schema.Builder();
        for (int c = 0; c < batches[0].Schema.FieldsList.Count; c++)
            if (c != dropped) builder.Field(batches[0].Schema.FieldsList[c]);
        if (add is not null) builder.Field(add);
        Schema schema = builder.Build();
        await WriteAsync(table, date, schema, batches, batch =>
        {
            var columns = new List<IArrowArray>();
            for (int c = 0; c < batch.ColumnCount; c++)
                if (c != dropped) columns.Add(batch.Column(c));
            if (add is not null) columns.Add(new StringArray.Builder().AppendRange(Enumerable.Repeat<string?>(null, batch.Length)).Build());
            return columns;
        });
    }

    /// <summary>Rewrites a partition in place with an int32 column turned into its text.</summary>
    private async Task RetypeAsync(string @namespace, DateOnly date, string column)
    {
        Table table = new TableStore(_warehouse.Root).OpenTable(@namespace, "stellantis_inventory");
        List<RecordBatch> batches = await ReadAllAsync(table, date);
        int index = batches[0].Schema.GetFieldIndex(column);
        var builder = new Schema.Builder();
        for (int c = 0; c < batches[0].Schema.FieldsList.Count; c++)
            builder.Field(c == index ? new Field(column, StringType.Default, nullable: true) : batches[0].Schema.FieldsList[c]);
        await WriteAsync(table, date, builder.Build(), batches, batch =>
        {
            var columns = new List<IArrowArray>();
            for (int c = 0; c < batch.ColumnCount; c++)
            {
                if (c != index)
                {
                    columns.Add(batch.Column(c));
                    continue;
                }
                var values = (Int32Array)batch.Column(c);
                columns.Add(new StringArray.Builder().AppendRange(Enumerable.Range(0, values.Length).Select(i => values.GetValue(i)?.ToString(System.Globalization.CultureInfo.InvariantCulture))).Build());
            }
            return columns;
        });
    }

    private static async Task<List<RecordBatch>> ReadAllAsync(Table table, DateOnly date)
    {
        var batches = new List<RecordBatch>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(date)) batches.Add(batch);
        return batches;
    }

    private static async Task WriteAsync(Table table, DateOnly date, Schema schema, List<RecordBatch> batches, Func<RecordBatch, List<IArrowArray>> columns)
    {
        await using (PartitionWriter writer = table.CreatePartitionWriter(date, schema))
        {
            foreach (RecordBatch batch in batches)
            {
                using var rewritten = new RecordBatch(schema, columns(batch), batch.Length);
                await writer.WriteAsync(rewritten);
            }
            await writer.CommitAsync();
        }
        foreach (RecordBatch batch in batches) batch.Dispose();
    }
}
