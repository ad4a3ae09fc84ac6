using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingest.Simulator;

namespace Ingest.Runner.Tests;

/// <summary><c>ingest run</c> against the embedded simulator: the tables DuckDB reads, and what the command prints.</summary>
[Collection(JeepRun.Collection)]
public sealed partial class RunCommandTests(JeepRun jeep)
{
    private const string Raw = "stellantis/raw_inventory";
    private const string Vehicles = "stellantis/transformed_vehicles_from_inventory";
    private const string Consolidated = "stellantis/consolidated_vehicles";

    [Fact]
    public void The_raw_table_has_one_fetched_row_per_page()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);
        string raw = DuckDb.Read(jeep.Warehouse, Raw);

        Assert.Equal(73, DuckDb.Count($"SELECT count(*) FROM {raw}"));
        Assert.Equal(73, DuckDb.Count($"SELECT count(DISTINCT (sub_resource, page_number)) FROM {raw}"));
        Assert.Equal(73, DuckDb.Count($"SELECT count(*) FROM {raw} WHERE outcome = 'fetched' AND octet_length(body) > 0"));
        Assert.Equal([JeepRun.Date], DuckDb.Query($"SELECT DISTINCT CAST(partition_date AS VARCHAR) FROM {raw}").Select(r => (string)r[0]!));
    }

    [Fact]
    public void The_vehicle_table_has_a_row_per_vin_with_a_snapshot_and_the_partition_from_its_folder()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);
        string vehicles = DuckDb.Read(jeep.Warehouse, Vehicles);

        Assert.Equal(3_223, DuckDb.Count($"SELECT count(*) FROM {vehicles}"));
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(DISTINCT vin) FROM {vehicles} WHERE vin IS NOT NULL"));
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(_snapshot) FROM {vehicles}"));
        Assert.Equal([JeepRun.Date], DuckDb.Query($"SELECT DISTINCT CAST(partition_date AS VARCHAR) FROM {vehicles}").Select(r => (string)r[0]!));
        // The date is the Hive folder's, not a column in the files.
        Assert.DoesNotContain("partition_date", DuckDb.Columns(DuckDb.Read(jeep.Warehouse, Vehicles, hive: false)));
        Assert.Single(Directory.GetDirectories(Path.Combine(jeep.Warehouse, Vehicles)), d => Path.GetFileName(d) == $"partition_date={JeepRun.Date}");
    }

    [Fact]
    public void Stdout_has_the_summary_and_a_DuckDB_query_that_counts_the_vehicles()
    {
        IngestResult run = jeep.Result.ExitsWith(IngestResult.Ok);

        Assert.Contains("stellantis_jeep_inventory_fast: summary", run.Stdout);
        Assert.Matches(@"│ raw_inventory\s+│ 73\s+│ 73\s+│", run.Stdout);
        Assert.Matches(@"│ transformed_vehicles\s+│ 73\s+│ 3,223\s+│", run.Stdout);
        Assert.Matches(@"│ consolidated_vehicles\s+│ 3,223\s+│ 3,223\s+│", run.Stdout);
        Assert.Contains($"consolidated_vehicles: 3,223 keys, all new (no consolidated partition before {JeepRun.Date})", run.Stdout);
        Match query = DuckDbCommand().Match(run.Stdout);
        Assert.True(query.Success, $"no `duckdb -c \"...\"` line on stdout:\n{run.Stdout}");
        Assert.Contains($"WHERE partition_date = DATE '{JeepRun.Date}'", query.Groups["sql"].Value);
        Assert.Equal(3_223, DuckDb.Count(query.Groups["sql"].Value));
        Assert.Contains($"ingest inspect {Consolidated} --warehouse {jeep.Warehouse}", run.Stdout);
    }

    [Fact]
    public void Progress_goes_to_stderr_not_stdout()
    {
        IngestResult run = jeep.Result.ExitsWith(IngestResult.Ok);

        Assert.Contains("raw_inventory: 73 pages (0 failed), 3,223 rows", run.Stderr);
        Assert.Contains("transformed_vehicles done in", run.Stderr);
        Assert.DoesNotContain("done in", run.Stdout);
    }

    [Fact]
    public async Task A_second_run_over_the_same_warehouse_replaces_the_partition()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);
        string manifest = Path.Combine(jeep.Warehouse, Vehicles, $"partition_date={JeepRun.Date}", "_manifest.json");
        string firstCommit = CommitId(manifest);

        (await IngestExecutable.RunAsync(jeep.Warehouse, "run", "stellantis_jeep_inventory_fast", "--date", JeepRun.Date, "--warehouse", jeep.Warehouse))
            .ExitsWith(IngestResult.Ok);

        Assert.NotEqual(firstCommit, CommitId(manifest));
        Assert.Equal(73, DuckDb.Count($"SELECT count(*) FROM {DuckDb.Read(jeep.Warehouse, Raw)}"));
        string vehicles = DuckDb.Read(jeep.Warehouse, Vehicles);
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(*) FROM {vehicles}"));
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(DISTINCT vin) FROM {vehicles}"));
    }

    [Fact]
    public async Task A_run_on_a_later_date_keeps_the_vehicles_sold_since_as_inactive()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        const string Later = "2026-12-01";
        (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--date", JeepRun.Date, "--warehouse", warehouse)).ExitsWith(IngestResult.Ok);

        IngestResult later = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--date", Later, "--warehouse", warehouse)).ExitsWith(IngestResult.Ok);

        Match note = Regex.Match(later.Stdout,
            $@"consolidated_vehicles: (?<new>[\d,]+) keys new since {JeepRun.Date}, (?<changed>[\d,]+) changed, (?<unchanged>[\d,]+) unchanged, 0 back, (?<gone>[\d,]+) gone, 0 gone before, 0 expired");
        Assert.True(note.Success, later.Stdout);
        string vehicles = DuckDb.Read(warehouse, Vehicles);
        string consolidated = DuckDb.Read(warehouse, Consolidated);
        string before = $"(SELECT vin FROM {vehicles} WHERE partition_date = DATE '{JeepRun.Date}')";
        string after = $"(SELECT vin FROM {vehicles} WHERE partition_date = DATE '{Later}')";
        long sold = DuckDb.Count($"SELECT count(*) FROM {before} WHERE vin NOT IN {after}");
        long arrived = DuckDb.Count($"SELECT count(*) FROM {after} WHERE vin NOT IN {before}");
        Assert.True(sold > 0 && arrived > 0);
        Assert.Equal(sold, Number(note, "gone"));
        Assert.Equal(arrived, Number(note, "new"));
        Assert.Equal(sold, DuckDb.Count($"SELECT count(*) FROM {consolidated} WHERE partition_date = DATE '{Later}' AND NOT is_active AND last_seen = DATE '{JeepRun.Date}'"));
        Assert.Equal(DuckDb.Count($"SELECT count(*) FROM {after}"), DuckDb.Count($"SELECT count(*) FROM {consolidated} WHERE partition_date = DATE '{Later}' AND is_active"));

        static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Consolidating_a_date_after_one_never_consolidated_warns_with_what_to_run()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--stage", "raw_inventory", "--stage", "transformed_vehicles",
            "--date", JeepRun.Date, "--warehouse", warehouse)).ExitsWith(IngestResult.Ok);

        IngestResult later = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--date", "2026-11-28", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        string summary = Unwrapped(later.Stdout);
        Assert.Contains($"1 earlier dates of the source were never consolidated ({JeepRun.Date}), so the vehicles seen only then are not in the history; " +
            "consolidate them in date order, then this date again: ingest run stellantis_jeep_inventory_fast --stage consolidated_vehicles --date <date>", summary);
    }

    [Fact]
    public async Task Days_to_keep_gone_vehicles_below_zero_is_a_usage_error()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);

        IngestResult run = (await IngestExecutable.RunAsync(jeep.Warehouse, new Dictionary<string, string> { ["INGEST_KEEP_GONE_DAYS"] = "-1" },
            "run", "stellantis_jeep_inventory_fast", "--stage", "consolidated_vehicles", "--date", JeepRun.Date, "--warehouse", jeep.Warehouse)).ExitsWith(IngestResult.Usage);

        Assert.Contains("INGEST_KEEP_GONE_DAYS=-1 in scenario 'stellantis_jeep_inventory_fast' is below 0", run.Stderr);
    }

    [Fact]
    public async Task One_stage_replays_the_transform_from_the_committed_raw_partition_without_an_upstream()
    {
        jeep.Result.ExitsWith(IngestResult.Ok);
        string rawManifest = Path.Combine(jeep.Warehouse, Raw, $"partition_date={JeepRun.Date}", "_manifest.json");
        string vehiclesManifest = Path.Combine(jeep.Warehouse, Vehicles, $"partition_date={JeepRun.Date}", "_manifest.json");
        (string raw, string vehicles) before = (CommitId(rawManifest), CommitId(vehiclesManifest));

        IngestResult replay = (await IngestExecutable.RunAsync(jeep.Warehouse,
            "run", "stellantis_jeep_inventory_fast", "--stage", "transformed_vehicles", "--date", JeepRun.Date, "--warehouse", jeep.Warehouse)).ExitsWith(IngestResult.Ok);

        Assert.Contains("no upstream (reads the warehouse only)", replay.Stderr);
        Assert.Matches(@"│ transformed_vehicles\s+│ 73\s+│ 3,223\s+│", replay.Stdout);
        Assert.DoesNotMatch(@"│ raw_inventory", replay.Stdout);
        Assert.Equal(before.raw, CommitId(rawManifest)); // the raw partition is read, not written
        Assert.NotEqual(before.vehicles, CommitId(vehiclesManifest));
        Assert.Equal(3_223, DuckDb.Count($"SELECT count(DISTINCT vin) FROM {DuckDb.Read(jeep.Warehouse, Vehicles)}"));
    }

    [Fact]
    public async Task A_transform_over_a_table_with_older_schemas_warns_and_says_how_to_read_or_replay()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("warehouse");
        (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--stage", "raw_inventory", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);
        // The day before, as an earlier version of the entity wrote it.
        var older = new Apache.Arrow.Schema.Builder()
            .Field(new Apache.Arrow.Field("vin", Apache.Arrow.Types.StringType.Default, nullable: true))
            .Field(new Apache.Arrow.Field("badge", Apache.Arrow.Types.StringType.Default, nullable: true))
            .Build();
        Ingest.Tables.Table vehicles = new Ingest.Tables.TableStore(warehouse).OpenTable("stellantis", "transformed_vehicles_from_inventory");
        await using (Ingest.Tables.PartitionWriter writer = vehicles.CreatePartitionWriter(new DateOnly(2026, 11, 26), older))
        {
            using var batch = new Apache.Arrow.RecordBatch(older,
                [new Apache.Arrow.StringArray.Builder().Append("1C4OLD").Build(), new Apache.Arrow.StringArray.Builder().Append("x").Build()], 1);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        IngestResult replay = (await IngestExecutable.RunAsync(folder.Path,
            "run", "stellantis_jeep_inventory_fast", "--stage", "transformed_vehicles", "--date", JeepRun.Date, "--warehouse", warehouse)).ExitsWith(IngestResult.Ok);

        // The summary table wraps the warning inside its cell: read the cell's text as one line.
        string summary = Unwrapped(replay.Stdout);
        Assert.Contains("the schema differs from 1 partition (2026-11-26): added model_year, vehicle_desc, brand, ccode and 69 more; removed badge; " +
            "read the table with union_by_name = true, or re-run each of them: ingest run stellantis_jeep_inventory_fast --stage transformed_vehicles --date <date>", summary);
        // Read by name, both days are there: the older one with nulls in the columns it lacks.
        Assert.Equal(3_224, DuckDb.Count($"SELECT count(*) FROM read_parquet('{vehicles.ParquetGlob}', hive_partitioning = true, union_by_name = true)"));
    }

    [Fact]
    public async Task A_stage_the_scenario_does_not_have_is_a_usage_error_that_lists_its_stages()
    {
        using var folder = new TempFolder();

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--stage", "transformd", "--warehouse", folder.Combine("wh")))
            .ExitsWith(IngestResult.Usage);

        Assert.Contains("Scenario 'stellantis_jeep_inventory_fast' has no stage 'transformd'; its stages: raw_inventory, transformed_vehicles, consolidated_vehicles.", run.Stderr);
    }

    [Fact]
    public async Task Mercedes_inventory_has_as_many_vehicles_as_its_pages_announce()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("warehouse");

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "mercedes_inventory", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        string raw = DuckDb.Read(warehouse, "mercedes/raw_inventory");
        Assert.Equal(0, DuckDb.Count($"SELECT count(*) FROM {raw} WHERE outcome <> 'fetched'"));
        // Each of new and used announces its total on every page; the vehicles are their sum.
        long announced = DuckDb.Count(
            $"SELECT CAST(sum(total) AS BIGINT) FROM (SELECT sub_resource, max(CAST(json_extract(decode(body), '$.result.pagedVehicles.paging.totalCount') AS BIGINT)) AS total FROM {raw} GROUP BY sub_resource)");
        string vehicles = DuckDb.Read(warehouse, "mercedes/transformed_vehicles_from_inventory");
        Assert.True(announced > 0, run.ToString());
        Assert.Equal(announced, DuckDb.Count($"SELECT count(*) FROM {vehicles}"));
        Assert.Equal(announced, DuckDb.Count($"SELECT count(DISTINCT vin) FROM {vehicles}"));
        Assert.Contains("mercedes_inventory: summary", run.Stdout);

        // A used vehicle's dealer addresses, a list of structs, reach both tables as DuckDB reads them: one element,
        // its values those of the page's JSON; new vehicles have none.
        long used = DuckDb.Count(
            $"SELECT CAST(max(CAST(json_extract(decode(body), '$.result.pagedVehicles.paging.totalCount') AS BIGINT)) AS BIGINT) FROM {raw} WHERE sub_resource = 'used'");
        string records = $"(SELECT unnest(from_json(json_extract(decode(body), '$.result.pagedVehicles.records'), '[\"JSON\"]')) AS r FROM {raw} WHERE sub_resource = 'used')";
        Assert.True(used > 0);
        Assert.Equal(used, DuckDb.Count(
            $"SELECT count(*) FROM {records} JOIN {vehicles} v ON v.vin = upper(trim(json_extract_string(r, '$.vin'))) " +
            "WHERE len(v.dealer_addresses) = 1 " +
            "AND v.dealer_addresses[1].latitude = CAST(json_extract_string(r, '$.usedVehicleAttributes.dealer.address[0].location.lat') AS DOUBLE) " +
            "AND v.dealer_addresses[1].longitude = CAST(json_extract_string(r, '$.usedVehicleAttributes.dealer.address[0].location.lng') AS DOUBLE) " +
            "AND v.dealer_addresses[1].distance = CAST(json_extract_string(r, '$.usedVehicleAttributes.dealer.address[0].location.dist') AS DOUBLE)"));
        Assert.Equal(announced - used, DuckDb.Count($"SELECT count(*) FROM {vehicles} WHERE dealer_addresses IS NULL"));
        string consolidated = DuckDb.Read(warehouse, "mercedes/consolidated_vehicles");
        Assert.Equal(used, DuckDb.Count($"SELECT count(*) FROM {consolidated} c JOIN {vehicles} v USING (vin) WHERE c.dealer_addresses = v.dealer_addresses"));
    }

    [Fact]
    public async Task Dealers_reach_their_table_with_each_days_sales_hours_as_a_struct_equal_to_the_pages_json()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("warehouse");

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_dealers", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        string raw = DuckDb.Read(warehouse, "stellantis/raw_dealers");
        string dealers = DuckDb.Read(warehouse, "stellantis/transformed_dealers");
        // A body may start with a byte order mark, which DuckDB's JSON functions do not take.
        string records = $"(SELECT unnest(from_json(json_extract(ltrim(decode(body), chr(65279)), '$.dealer'), '[\"JSON\"]')) AS r FROM {raw})";
        long served = DuckDb.Count($"SELECT count(*) FROM {records}");
        Assert.True(served > 2000, run.ToString());
        Assert.Equal(served, DuckDb.Count($"SELECT count(*) FROM {dealers}"));
        foreach (string day in new[] { "monday", "saturday", "sunday" })
        {
            string hours = $"'$.departments.sales.hours.{day}";
            Assert.Equal(served, DuckDb.Count(
                $"SELECT count(*) FROM {records} JOIN {dealers} d ON d.dealer_code = trim(json_extract_string(r, '$.dealerCode')) " +
                $"WHERE d.{day}_hours.closed = CAST(json_extract(r, {hours}.closed') AS BOOLEAN) " +
                $"AND d.{day}_hours.open_time IS NOT DISTINCT FROM nullif(trim(json_extract_string(r, {hours}.open.time')), '') " +
                $"AND d.{day}_hours.close_am_pm IS NOT DISTINCT FROM upper(nullif(trim(json_extract_string(r, {hours}.close.ampm')), ''))"));
        }
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {dealers} WHERE sunday_hours.closed") > 0);
        string consolidated = DuckDb.Read(warehouse, "stellantis/consolidated_dealers");
        Assert.Equal(served, DuckDb.Count($"SELECT count(*) FROM {consolidated} c JOIN {dealers} d USING (dealer_code) WHERE c.monday_hours = d.monday_hours AND c.is_active"));
    }

    [Fact]
    public async Task The_dealer_feed_reaches_its_table_equal_to_the_simulated_feeds_ground_truth()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("warehouse");

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_dealer_feed_fast", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        // The items the embedded simulator serves for the scenario's scope, from an independent model of the same seed and date.
        var date = DateOnly.Parse(JeepRun.Date, CultureInfo.InvariantCulture);
        var query = new DealerFeedQuery(date, Zip: "10001", Radius: 50);
        var feed = new DealerFeed(new JeepInventory(new SimulatorOptions { Date = date }));
        IReadOnlyList<SimulatedFeedItem> items = feed.Items(query);
        string truthFile = folder.Combine("feed-truth.json");
        File.WriteAllText(truthFile, JsonSerializer.Serialize(items.Select(i => new Dictionary<string, string?>
        {
            ["vin"] = i.Vin,
            ["dealer_code"] = i.DealerCode,
            ["stock_number"] = i.StockNo,
            ["feed_status"] = i.Status,
            ["msrp"] = i.Msrp?.ToString(CultureInfo.InvariantCulture),
            ["discounted_price"] = i.InternetPrice.ToString(CultureInfo.InvariantCulture),
            ["dealer_discount"] = i.DealerDiscount.ToString(CultureInfo.InvariantCulture),
            ["exterior_color_desc"] = i.ExteriorColor,
            ["mileage"] = i.Odometer?.ToString(CultureInfo.InvariantCulture),
            ["days_on_lot"] = i.DaysOnLot?.ToString(CultureInfo.InvariantCulture),
            ["last_updated"] = i.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        })));
        const string columns = "vin, dealer_code, stock_number, feed_status, msrp, discounted_price, dealer_discount, exterior_color_desc, mileage, days_on_lot, last_updated";
        string truth = $"read_json('{truthFile}', format = 'array', columns = {{vin: 'VARCHAR', dealer_code: 'VARCHAR', stock_number: 'VARCHAR', " +
            "feed_status: 'VARCHAR', msrp: 'DECIMAL(18,2)', discounted_price: 'DECIMAL(18,2)', dealer_discount: 'DECIMAL(18,2)', " +
            "exterior_color_desc: 'VARCHAR', mileage: 'INTEGER', days_on_lot: 'INTEGER', last_updated: 'TIMESTAMPTZ'})";
        string raw = DuckDb.Read(warehouse, "stellantis/raw_dealer_feed");
        string vehicles = DuckDb.Read(warehouse, "stellantis/transformed_vehicles_from_dealer_feed");

        Assert.True(items.Count > 1000, run.ToString());
        Assert.Equal(feed.PageCount(query), DuckDb.Count($"SELECT count(*) FROM {raw} WHERE outcome = 'fetched' AND sub_resource = 'J'"));
        Assert.Equal(items.Count, DuckDb.Count($"SELECT count(*) FROM {vehicles}"));
        Assert.Equal(0, DuckDb.Count($"SELECT count(*) FROM (SELECT {columns} FROM {truth} EXCEPT ALL SELECT {columns} FROM {vehicles})"));
        Assert.Equal(0, DuckDb.Count($"SELECT count(*) FROM (SELECT {columns} FROM {vehicles} EXCEPT ALL SELECT {columns} FROM {truth})"));
        // The types a merge with the inventory's vehicles matches on, as DuckDB reads them.
        var types = DuckDb.Query($"DESCRIBE SELECT msrp, discounted_price, mileage, last_updated FROM {vehicles}").Select(r => (string)r[1]!);
        Assert.Equal(["DECIMAL(18,2)", "DECIMAL(18,2)", "INTEGER", "TIMESTAMP WITH TIME ZONE"], types);
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {vehicles} WHERE feed_status = 'IN_TRANSIT' AND days_on_lot IS NULL") > 0);
        Assert.Matches(@"│ transformed_dealer_feed\s+│ \d+\s+│ " + items.Count.ToString("N0", CultureInfo.InvariantCulture) + @"\s+│", run.Stdout);
    }

    [Fact]
    public async Task The_dealer_feed_and_the_inventory_are_merged_per_vin_by_each_columns_policy()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("warehouse");

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_dealer_feed_fast", "--date", JeepRun.Date, "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        // The merge computed again by DuckDB from the two transformed tables: a full join on vin, each column by its policy
        // (latest non-null by last_updated, a null as-of the oldest and ties to the inventory; first non-null; the
        // inventory's), and _sources from which side had the vin.
        string inventory = DuckDb.Read(warehouse, "stellantis/transformed_vehicles_from_inventory");
        string feed = DuckDb.Read(warehouse, "stellantis/transformed_vehicles_from_dealer_feed");
        string merged = DuckDb.Read(warehouse, "stellantis/consolidated_vehicles_with_dealer_feed");
        string expected = $"""
            (SELECT coalesce(i.vin, f.vin) AS vin,
                    CASE WHEN i.vin IS NULL OR i.discounted_price IS NULL THEN f.discounted_price
                         WHEN f.vin IS NULL OR f.discounted_price IS NULL THEN i.discounted_price
                         WHEN coalesce(f.last_updated, '-infinity'::TIMESTAMPTZ) > coalesce(i.last_updated, '-infinity'::TIMESTAMPTZ) THEN f.discounted_price
                         ELSE i.discounted_price END AS discounted_price,
                    greatest(i.last_updated, f.last_updated) AS last_updated,
                    coalesce(i.msrp, f.msrp) AS msrp, coalesce(i.stock_number, f.stock_number) AS stock_number,
                    coalesce(i.exterior_color_desc, f.exterior_color_desc) AS exterior_color_desc, coalesce(i.mileage, f.mileage) AS mileage,
                    CASE WHEN i.vin IS NOT NULL THEN i.dealer_code ELSE f.dealer_code END AS dealer_code,
                    i.inventory_status, i.model_desc, f.feed_status, f.days_on_lot, f.dealer_discount,
                    CASE WHEN i.vin IS NULL THEN ['dealer_feed'] WHEN f.vin IS NULL THEN ['inventory'] ELSE ['inventory', 'dealer_feed'] END AS _sources
             FROM {inventory} i FULL OUTER JOIN {feed} f ON i.vin = f.vin)
            """;
        const string columns = "vin, discounted_price, last_updated, msrp, stock_number, exterior_color_desc, mileage, dealer_code, inventory_status, model_desc, feed_status, days_on_lot, dealer_discount, _sources";

        long vehicles = DuckDb.Count($"SELECT count(*) FROM {expected}");
        Assert.Equal(vehicles, DuckDb.Count($"SELECT count(*) FROM {merged}"));
        Assert.Equal(0, DuckDb.Count($"SELECT count(*) FROM (SELECT {columns} FROM {expected} EXCEPT ALL SELECT {columns} FROM {merged})"));
        Assert.Equal(0, DuckDb.Count($"SELECT count(*) FROM (SELECT {columns} FROM {merged} EXCEPT ALL SELECT {columns} FROM {expected})"));
        // Each policy had something to decide: vehicles only the feed lists (in transit), a stale feed price the newer
        // public one beats, and public gaps the feed fills.
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {merged} WHERE _sources = ['dealer_feed'] AND feed_status = 'IN_TRANSIT' AND is_active") > 0);
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {inventory} i JOIN {feed} f USING (vin) WHERE i.discounted_price <> f.discounted_price AND i.last_updated > f.last_updated") > 0);
        Assert.True(DuckDb.Count($"SELECT count(*) FROM {inventory} i JOIN {feed} f USING (vin) WHERE i.msrp IS NULL AND f.msrp IS NOT NULL") > 0);
        Assert.Matches(@"consolidated_vehicles: \d[\d,]* keys only in dealer_feed", run.Stdout);
        Assert.Matches(@"discounted_price \(latest by last_updated\): [\d,]+ from inventory, [\d,]+ from dealer_feed", run.Stdout);
    }

    private static string CommitId(string manifest)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return document.RootElement.GetProperty("commit_id").GetString()!;
    }

    /// <summary>The summary's text with the table's borders and wrapping taken out: a long warning spans lines of its cell.</summary>
    private static string Unwrapped(string stdout) => Regex.Replace(stdout.Replace("│", " ", StringComparison.Ordinal), @"\s+", " ");

    [GeneratedRegex("""duckdb -c "(?<sql>[^"]+)"$""", RegexOptions.Multiline)]
    private static partial Regex DuckDbCommand();
}
