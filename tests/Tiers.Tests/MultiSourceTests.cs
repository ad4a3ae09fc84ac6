using System.Text;
using Apache.Arrow;
using Ingest.Hashing;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers.Tests;

/// <summary>
/// A consolidated table fed by two sources of the same vehicles: a listing site (the main source) and a dealer feed,
/// merged per VIN by each column's policy, read back with DuckDB.
/// </summary>
public sealed class MultiSourceTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2026, 11, 27);
    private static readonly DateOnly Day2 = Day1.AddDays(1);

    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private static ConsolidatedStageOptions Options => new()
    {
        SourceTable = "listings",
        SourceName = "site",
        Table = "vehicles",
        OtherSources = [ConsolidationSource.Of<FeedListing>("feed")],
        FieldPolicies = new Dictionary<string, FieldPolicy>
        {
            ["price"] = FieldPolicy.Latest("last_updated"),
            ["color"] = FieldPolicy.FirstNonNull,
            ["stock_number"] = FieldPolicy.Prefer("feed"),
        },
    };

    // Two pages each, so both sources come in more than one batch.
    private static readonly string[] SitePages =
    [
        """{"items":[{"vin":"A","price":100,"color":"red","stockNumber":null,"lastUpdated":"2026-11-27T10:00:00Z","options":["x"]},""" +
        """{"vin":"B","price":200,"color":null,"stockNumber":"S-B","lastUpdated":"2026-11-27T12:00:00Z"}]}""",
        """{"items":[{"vin":"C","price":300,"color":"blue","stockNumber":"S-C","lastUpdated":"2026-11-27T09:00:00Z"},""" +
        """{"vin":"E","price":500,"color":"grey","stockNumber":"S-E","lastUpdated":"2026-11-27T07:00:00Z"}]}""",
    ];

    private static readonly string[] FeedPages =
    [
        """{"items":[{"vin":"A","price":90,"color":"crimson","stockNumber":"F-A","lastUpdated":"2026-11-27T11:00:00Z","daysOnLot":5},""" +
        """{"vin":"B","price":210,"color":"green","stockNumber":"F-B","lastUpdated":"2026-11-27T08:00:00Z","daysOnLot":9}]}""",
        """{"items":[{"vin":"D","price":400,"color":"white","stockNumber":"F-D","lastUpdated":"2026-11-27T06:00:00Z","daysOnLot":1},""" +
        """{"vin":"E","price":null,"color":null,"stockNumber":null,"lastUpdated":"2026-11-27T13:00:00Z","daysOnLot":2},""" +
        """{"vin":"A","price":1,"color":"repeat","stockNumber":"F-A2","lastUpdated":"2026-11-27T23:00:00Z","daysOnLot":0}]}""",
    ];

    private string Vehicles(DateOnly date) =>
        $"(SELECT * FROM {_warehouse.Read("consolidated", "vehicles")} WHERE partition_date = DATE '{date:yyyy-MM-dd}')";

    [Fact]
    public async Task Each_column_is_merged_by_its_policy_and_keys_only_the_feed_has_are_rows_too()
    {
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<FeedListing>(Day1, FeedPages);

        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, Options);

        List<object?[]> rows = Warehouse.Query(
            $"SELECT vin, price, color, stock_number, days_on_lot, options, _sources, is_active, first_seen FROM {Vehicles(Day1)} ORDER BY vin");
        Assert.Equal(["A", "B", "C", "D", "E"], rows.Select(r => (string)r[0]!));
        // A: the feed's price is newer (11:00 against 10:00); the site's colour is not null; the feed's stock number is preferred.
        AssertRow(rows[0], 90m, "red", "F-A", 5, ["site", "feed"]);
        // B: the site's price is newer; its colour is null, so the feed's fills in; the feed's stock number again.
        AssertRow(rows[1], 200m, "green", "F-B", 9, ["site", "feed"]);
        // C: only the site has it.
        AssertRow(rows[2], 300m, "blue", "S-C", null, ["site"]);
        // D: only the feed has it, so it is a row of its own, with the site's own column null.
        AssertRow(rows[3], 400m, "white", "F-D", 1, ["feed"]);
        Assert.Null(rows[3][5]);
        // E: the feed's row is newer but its price is null, so the site's stands; the preferred feed's null stock number stands too.
        AssertRow(rows[4], 500m, "grey", null, 2, ["site", "feed"]);
        Assert.Equal(["x"], ((System.Collections.IEnumerable)rows[0][5]!).Cast<string>());
        Assert.All(rows, r => Assert.Equal(true, r[7]));

        Assert.Equal(5, report.RowsOut);
        Assert.Equal(5, report.NewKeys);
        Assert.Equal(["site", "feed"], report.Sources.Select(s => s.Name));
        Assert.Equal((4L, 4L, 0L), (report.Sources[0].Rows, report.Sources[0].KeysOnlyHere, report.Sources[0].RepeatedKeyRows));
        Assert.Equal((5L, 1L, 1L), (report.Sources[1].Rows, report.Sources[1].KeysOnlyHere, report.Sources[1].RepeatedKeyRows));
        MergedColumnReport price = Assert.Single(report.MergedColumns, c => c.Column == "price");
        Assert.Equal(FieldPolicy.Latest("last_updated"), price.Policy);
        Assert.Equal(3, price.ValuesFrom["site"]); // B, C, E
        Assert.Equal(2, price.ValuesFrom["feed"]); // A, D
        Assert.Equal(["price", "color", "stock_number", "last_updated"], report.MergedColumns.Select(c => c.Column));
        Assert.Contains("price (latest by last_updated): 3 from site, 2 from feed", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("source feed (transformed/feed_listings): 5 rows, 1 keys no source before it had, 1 rows repeating a key", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_is_over_the_merged_values_so_a_change_in_either_source_is_a_change()
    {
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<FeedListing>(Day1, FeedPages);
        await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, Options);
        // Day 2: the site as it was; the feed with A's days on lot moved on, and D gone from it.
        await WriteTransformedAsync<Listing>(Day2, SitePages);
        await WriteTransformedAsync<FeedListing>(Day2, [FeedPages[0].Replace("\"daysOnLot\":5", "\"daysOnLot\":6", StringComparison.Ordinal), FeedPages[1].Replace(
            """{"vin":"D","price":400,"color":"white","stockNumber":"F-D","lastUpdated":"2026-11-27T06:00:00Z","daysOnLot":1},""", "", StringComparison.Ordinal)]);

        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<Listing>(Day2, _warehouse.Root, Options);

        Assert.Equal((1L, 3L, 0L, 1L), (report.ChangedKeys, report.UnchangedKeys, report.NewKeys, report.GoneKeys));
        List<object?[]> rows = Warehouse.Query($"SELECT vin, last_changed, is_active, _sources, days_on_lot FROM {Vehicles(Day2)} ORDER BY vin");
        Assert.Equal(Day2, rows[0][1]);
        Assert.All(rows.Where(r => (string)r[0]! is "B" or "C" or "E"), r => Assert.Equal(Day1, r[1]));
        // D is carried as it was last seen: inactive, with the sources it was seen in.
        object?[] gone = Assert.Single(rows, r => (string)r[0]! == "D");
        Assert.Equal(false, gone[2]);
        Assert.Equal(["feed"], ((System.Collections.IEnumerable)gone[3]!).Cast<string>());
        Assert.Equal(1, gone[4]);

        // The stored snapshot is the hash of the merged values (every column before _sources), recomputed here.
        Table table = new TableStore(_warehouse.Root).OpenTable("consolidated", "vehicles");
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day2))
        {
            using (batch)
            {
                int sources = batch.Schema.GetFieldIndex(ConsolidatedTier.Sources);
                var valueSchema = new Schema.Builder();
                for (int c = 0; c < sources; c++) valueSchema.Field(batch.Schema.FieldsList[c]);
                using var values = new RecordBatch(valueSchema.Build(), Enumerable.Range(0, sources).Select(batch.Column), batch.Length);
                var expected = new ulong[batch.Length];
                new SnapshotHasher().HashRows(values, expected);
                var stored = (Int64Array)batch.Column(batch.Schema.GetFieldIndex(SnapshotHasher.ColumnName));
                Assert.Equal(expected.Select(h => (long)h), Enumerable.Range(0, batch.Length).Select(i => stored.GetValue(i)!.Value));
            }
        }
    }

    [Fact]
    public async Task With_three_sources_a_key_is_driven_by_the_highest_ranked_one_that_has_it()
    {
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<FeedListing>(Day1, FeedPages);
        // A second feed: G with the first feed (not the site), F its own, D newer than the first feed's, C as the site has it.
        await WriteTransformedAsync<FeedListing>(Day1,
        [
            """{"items":[{"vin":"F","price":600,"color":"black","stockNumber":"G-F","lastUpdated":"2026-11-27T05:00:00Z","daysOnLot":3},""" +
            """{"vin":"D","price":390,"color":null,"stockNumber":"G-D","lastUpdated":"2026-11-27T07:00:00Z","daysOnLot":1},""" +
            """{"vin":"C","price":310,"color":"navy","stockNumber":"G-C","lastUpdated":"2026-11-27T10:00:00Z","daysOnLot":4}]}""",
        ], tableName: "second_feed_listings");
        ConsolidatedStageOptions options = Options with
        {
            OtherSources = [ConsolidationSource.Of<FeedListing>("feed"), ConsolidationSource.Of<FeedListing>("feed2") with { Table = "second_feed_listings" }],
        };

        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, options);

        List<object?[]> rows = Warehouse.Query($"SELECT vin, price, color, stock_number, days_on_lot, options, _sources FROM {Vehicles(Day1)} ORDER BY vin");
        Assert.Equal(["A", "B", "C", "D", "E", "F"], rows.Select(r => (string)r[0]!));
        // C: the site's, except the preferred first feed's stock number (it lacks C: the rank decides, the site's) and the newer second feed's price.
        AssertRow(rows[2], 310m, "blue", "S-C", 4, ["site", "feed2"]);
        // D: driven by the first feed, merged with the second; the second's price is newer (07:00 against 06:00); its null colour loses to the first's.
        AssertRow(rows[3], 390m, "white", "F-D", 1, ["feed", "feed2"]);
        // F: the second feed's alone.
        AssertRow(rows[5], 600m, "black", "G-F", 3, ["feed2"]);
        Assert.Equal(["site", "feed", "feed2"], report.Sources.Select(s => s.Name));
        Assert.Equal([4L, 1L, 1L], report.Sources.Select(s => s.KeysOnlyHere));
        Assert.Equal(6, report.RowsOut);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_column_left_out_of_the_snapshot_changes_no_key(bool withTheFeed)
    {
        // Day 2 differs from day 1 only in a counter: the feed's days on lot (merged), or the site's options (one source).
        string[] site2 = [SitePages[0].Replace("\"options\":[\"x\"]", "\"options\":[\"x\",\"y\"]", StringComparison.Ordinal), SitePages[1]];
        string[] feed2 = [FeedPages[0].Replace("\"daysOnLot\":5", "\"daysOnLot\":6", StringComparison.Ordinal), FeedPages[1]];
        ConsolidatedStageOptions options = withTheFeed
            ? Options with { IgnoredInSnapshot = ["days_on_lot"] }
            : new ConsolidatedStageOptions { SourceTable = "listings", Table = "vehicles", IgnoredInSnapshot = ["options"] };
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<Listing>(Day2, withTheFeed ? SitePages : site2);
        if (withTheFeed)
        {
            await WriteTransformedAsync<FeedListing>(Day1, FeedPages);
            await WriteTransformedAsync<FeedListing>(Day2, feed2);
        }

        await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, options);
        ConsolidatedStageReport ignoring = await ConsolidatedStage.RunAsync<Listing>(Day2, _warehouse.Root, options);

        Assert.Equal(0, ignoring.ChangedKeys);
        Assert.Equal(withTheFeed ? 5 : 4, ignoring.UnchangedKeys);
        // The new value is written all the same.
        Assert.Equal(withTheFeed ? 6L : 2L, Warehouse.Count(withTheFeed
            ? $"SELECT days_on_lot FROM {Vehicles(Day2)} WHERE vin = 'A'"
            : $"SELECT len(options) FROM {Vehicles(Day2)} WHERE vin = 'A'"));
        // Counted in (a table of its own: changing what _snapshot covers changes every key's), the same day is a change of A.
        ConsolidatedStageOptions counted = options with { IgnoredInSnapshot = [], Table = "vehicles_counted" };
        await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, counted);
        ConsolidatedStageReport counting = await ConsolidatedStage.RunAsync<Listing>(Day2, _warehouse.Root, counted);
        Assert.Equal(1, counting.ChangedKeys);
    }

    [Fact]
    public async Task A_last_known_value_stands_in_for_a_null_today_with_one_source_or_several()
    {
        // Day 2: the site no longer sends A's colour; the feed lags on A (absent), so A's days on lot come from nobody today.
        string[] site2 = [SitePages[0].Replace("\"color\":\"red\"", "\"color\":null", StringComparison.Ordinal), SitePages[1]];
        string[] feed2 = [FeedPages[0].Replace(
            """{"vin":"A","price":90,"color":"crimson","stockNumber":"F-A","lastUpdated":"2026-11-27T11:00:00Z","daysOnLot":5},""", "", StringComparison.Ordinal),
            FeedPages[1].Replace(""",{"vin":"A","price":1,"color":"repeat","stockNumber":"F-A2","lastUpdated":"2026-11-27T23:00:00Z","daysOnLot":0}""", "", StringComparison.Ordinal)];
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<Listing>(Day2, site2);
        await WriteTransformedAsync<FeedListing>(Day1, FeedPages);
        await WriteTransformedAsync<FeedListing>(Day2, feed2);
        var lastKnown = new Dictionary<string, FieldPolicy> { ["color"] = FieldPolicy.LastKnown, ["days_on_lot"] = FieldPolicy.LastKnown };
        ConsolidatedStageOptions merged = Options with { FieldPolicies = lastKnown, OtherSources = [ConsolidationSource.Of<FeedListing>("feed")] };
        ConsolidatedStageOptions alone = new() { SourceTable = "listings", Table = "listings_alone", FieldPolicies = new Dictionary<string, FieldPolicy> { ["color"] = FieldPolicy.LastKnown } };

        foreach (ConsolidatedStageOptions options in new[] { merged, alone })
        {
            await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, options);
            ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<Listing>(Day2, _warehouse.Root, options);

            string table = $"(SELECT * FROM {_warehouse.Read("consolidated", options.Table!)} WHERE partition_date = DATE '{Day2:yyyy-MM-dd}')";
            // The site sends null for A's colour and the feed lacks A today: the history's red stands.
            Assert.Equal("red", Warehouse.Query($"SELECT color FROM {table} WHERE vin = 'A'")[0][0]);
            MergedColumnReport color = Assert.Single(report.MergedColumns, c => c.Column == "color");
            Assert.Equal(1, color.ValuesFrom["history"]);
            if (options == merged)
            {
                Assert.Equal(5, Convert.ToInt32(Warehouse.Query($"SELECT days_on_lot FROM {table} WHERE vin = 'A'")[0][0], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(["site"], ((System.Collections.IEnumerable)Warehouse.Query($"SELECT _sources FROM {table} WHERE vin = 'A'")[0][0]!).Cast<string>());
                Assert.Equal(1, Assert.Single(report.MergedColumns, c => c.Column == "days_on_lot").ValuesFrom["history"]);
            }
            else
            {
                Assert.Empty(report.Sources);
                List<object?[]> columns = Warehouse.Query($"DESCRIBE SELECT * FROM read_parquet('{Path.Combine(_warehouse.Root, "consolidated", "listings_alone", "**", "*.parquet")}')");
                Assert.DoesNotContain(ConsolidatedTier.Sources, columns.Select(c => (string)c[0]!)); // one source: no _sources
            }
            // A is unchanged: the value it shows is the one it had.
            Assert.Equal(0, report.ChangedKeys);
        }
    }

    [Fact]
    public async Task Declarations_that_cannot_be_merged_are_errors_that_say_what_to_change()
    {
        await WriteTransformedAsync<Listing>(Day1, SitePages);
        await WriteTransformedAsync<FeedListing>(Day1, FeedPages);
        await WriteTransformedAsync<TextPriceListing>(Day1, ["""{"items":[{"vin":"A","price":"90"}]}"""]);
        await WriteTransformedAsync<StockListing>(Day1, ["""{"items":[{"vin":"A","stockNumber":"S"}]}"""]);

        async Task<string> Refused(ConsolidatedStageOptions options) =>
            (await Assert.ThrowsAnyAsync<Exception>(() => ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, options))).Message;

        Assert.StartsWith("A field policy names column mileage, which no source has.",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["mileage"] = FieldPolicy.FirstNonNull } }), StringComparison.Ordinal);
        Assert.StartsWith("Column vin is the key",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["vin"] = FieldPolicy.FirstNonNull } }), StringComparison.Ordinal);
        Assert.StartsWith("The policy of column price prefers source dealer, which is not one of the sources (site, feed)",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["price"] = FieldPolicy.Prefer("dealer") } }), StringComparison.Ordinal);
        Assert.StartsWith("The policy of column options prefers source feed, which has no column options",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["options"] = FieldPolicy.Prefer("feed") } }), StringComparison.Ordinal);
        Assert.StartsWith("Column price is merged by the latest days_on_lot, which source site lacks",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["price"] = FieldPolicy.Latest("days_on_lot") } }), StringComparison.Ordinal);
        Assert.StartsWith("Column price is merged by the latest color, which is utf8 in source site: an as-of column is a timestamp or a date",
            await Refused(Options with { FieldPolicies = new Dictionary<string, FieldPolicy> { ["price"] = FieldPolicy.Latest("color") } }), StringComparison.Ordinal);
        Assert.StartsWith("Column price is decimal128(18,2) in source site and utf8 in source text: a merged column has one type.",
            await Refused(Options with { OtherSources = [ConsolidationSource.Of<TextPriceListing>("text")], FieldPolicies = new Dictionary<string, FieldPolicy>() }), StringComparison.Ordinal);
        Assert.StartsWith("Source stock (stock_listings) is keyed by stock_number and site by vin",
            await Refused(Options with { OtherSources = [ConsolidationSource.Of<StockListing>("stock")] }), StringComparison.Ordinal);
        Assert.StartsWith("Column mileage, to be left out of _snapshot, is not a column of the table.",
            await Refused(Options with { IgnoredInSnapshot = ["mileage"] }), StringComparison.Ordinal);
        Assert.StartsWith("Column vin is the key: it identifies the row, so it cannot be left out of _snapshot.",
            await Refused(new ConsolidatedStageOptions { SourceTable = "listings", Table = "vehicles", IgnoredInSnapshot = ["vin"] }), StringComparison.Ordinal);
        Assert.StartsWith("Consolidation sources need distinct names",
            await Refused(Options with { OtherSources = [ConsolidationSource.Of<FeedListing>("site")] }), StringComparison.Ordinal);
        Assert.StartsWith("Transformed table transformed/feed_listings (source feed) has no committed partition 2026-11-28; run its transformed stage",
            await RefusedOn(Day2));
        Assert.Empty(new TableStore(_warehouse.Root).OpenTable("consolidated", "vehicles").Partitions());

        async Task<string> RefusedOn(DateOnly date)
        {
            await WriteTransformedAsync<Listing>(date, SitePages);
            return (await Assert.ThrowsAsync<InvalidOperationException>(() => ConsolidatedStage.RunAsync<Listing>(date, _warehouse.Root, Options))).Message;
        }
    }

    [Fact]
    public async Task A_single_source_table_is_unchanged_by_the_merge_machinery()
    {
        await WriteTransformedAsync<Listing>(Day1, SitePages);

        ConsolidatedStageReport report = await ConsolidatedStage.RunAsync<Listing>(Day1, _warehouse.Root, new ConsolidatedStageOptions { SourceTable = "listings" });

        Assert.Empty(report.Sources);
        Assert.Empty(report.MergedColumns);
        List<object?[]> columns = Warehouse.Query($"DESCRIBE SELECT * FROM read_parquet('{Path.Combine(_warehouse.Root, "consolidated", "listings", "**", "*.parquet")}')");
        Assert.DoesNotContain(ConsolidatedTier.Sources, columns.Select(c => (string)c[0]!));
        // The transformed snapshot is carried as it is.
        Assert.Equal(0, Warehouse.Count(
            $"SELECT count(*) FROM {_warehouse.Read("consolidated", "listings")} c JOIN {_warehouse.Read("transformed", "listings")} t USING (vin) WHERE c._snapshot <> t._snapshot"));
    }

    private static void AssertRow(object?[] row, decimal price, string? color, string? stock, int? daysOnLot, string[] sources)
    {
        Assert.Equal(price, Convert.ToDecimal(row[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(color, row[2]);
        Assert.Equal(stock, row[3]);
        Assert.Equal(daysOnLot, row[4] is null ? null : Convert.ToInt32(row[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sources, ((System.Collections.IEnumerable)row[6]!).Cast<string>());
    }

    /// <summary>Writes a transformed partition of <typeparamref name="TEntity"/> as the transformed stage does: a batch per page, with <c>_snapshot</c>.</summary>
    private async Task WriteTransformedAsync<TEntity>(DateOnly date, IReadOnlyList<string> pages, string? tableName = null)
        where TEntity : IEntity
    {
        Table table = new TableStore(_warehouse.Root).OpenTable(TransformedStageOptions.DefaultNamespace, tableName ?? TEntity.Descriptor.Table);
        var hasher = new SnapshotHasher();
        Extraction.EntityExtractor extractor = TEntity.CreateExtractor();
        await using PartitionWriter writer = table.CreatePartitionWriter(date, ConsolidatedTier.SourceSchema(TEntity.Descriptor));
        foreach (string page in pages)
        {
            Assert.True(extractor.AppendPage(Encoding.UTF8.GetBytes(page)) > 0);
            using Extraction.ExtractedBatch extracted = extractor.TakeBatch();
            Assert.True(extracted.Report.IsClean);
            using RecordBatch withSnapshot = hasher.AppendSnapshotColumn(extracted.Batch);
            await writer.WriteAsync(withSnapshot);
        }
        await writer.CommitAsync();
    }
}
