using Ingest.Entities.Stellantis;
using Ingest.Hashing;
using Ingest.Simulator;

namespace Ingest.Entities.Tests;

/// <summary>
/// The shipped dealer feed entity read from the simulated feed's pages, compared column by column with the feed's
/// ground truth; and the columns it shares with <see cref="StellantisVehicle"/>, which a merge of the two matches.
/// </summary>
public sealed class StellantisFeedVehicleTests
{
    /// <summary>The national feed, 500 a page: about 98,000 items over 197 pages.</summary>
    private static readonly DealerFeedQuery National = new(Simulation.Date, PageSize: 500);

    /// <summary>Within 50 miles of New York, 250 a page (the shipped scenario's scope).</summary>
    private static readonly DealerFeedQuery NewYork50 = new(Simulation.Date, Radius: 50);

    [Fact]
    public void National_feed_matches_ground_truth_in_every_column()
    {
        IReadOnlyList<SimulatedFeedItem> truth = Simulation.DealerFeed.Items(National);
        var spellings = new Spellings(
            @"""msrp"":\d", @"""msrp"":null", @"""exteriorColor"":null", @"""odometer"":null", @"""daysOnLot"":null",
            @"""status"":""IN_TRANSIT""", @"""status"":""SALE_PENDING""", @"""stockNo"":""J\d\d-\d{4}""", "é");
        using ExtractedTable table = ExtractedTable.Extract<StellantisFeedVehicle>(spellings.Watch(Pages(National)), "dealer feed 10001+99999");
        spellings.AssertAllSeen();

        table.AssertClean();
        Assert.Equal(Simulation.DealerFeed.PageCount(National), table.Pages);
        Assert.True(truth.Count > 50_000, $"The national feed should carry about 40% of 240,000 vehicles; it has {truth.Count}.");
        Columns.AssertMatches(table, truth);
    }

    /// <summary>An upstream that drifts to numbers as strings (<c>"msrp":"40070"</c>, <c>"odometer":"9"</c>) gives the same table.</summary>
    [Fact]
    public void Numbers_sent_as_strings_read_the_same()
    {
        IReadOnlyList<SimulatedFeedItem> truth = Simulation.DealerFeed.Items(NewYork50);
        var spellings = new Spellings(@"""msrp"":""\d", @"""odometer"":""\d", @"""daysOnLot"":""\d");
        using ExtractedTable table = ExtractedTable.Extract<StellantisFeedVehicle>(spellings.Watch(Pages(NewYork50, SchemaDriftKind.NumberAsString)), "dealer feed 10001+50 drifted");
        spellings.AssertAllSeen();

        table.AssertClean();
        Columns.AssertMatches(table, truth);
    }

    [Fact]
    public void Columns_that_mean_a_public_inventory_column_have_its_name_and_type()
    {
        string[] shared = ["vin", "dealer_code", "stock_number", "msrp", "discounted_price", "exterior_color_desc", "mileage", "last_updated"];
        var feed = StellantisFeedVehicle.ArrowSchema;
        var inventory = StellantisVehicle.ArrowSchema;

        foreach (string column in shared)
        {
            Assert.Equal(SchemaFingerprint.TypeName(inventory.GetFieldByName(column).DataType), SchemaFingerprint.TypeName(feed.GetFieldByName(column).DataType));
        }
        Assert.Equal(["feed_status", "dealer_discount", "days_on_lot"], feed.FieldsList.Select(f => f.Name).Except(shared));
        Assert.Equal("decimal128(18,2)", SchemaFingerprint.TypeName(feed.GetFieldByName("dealer_discount").DataType));
        Assert.Equal("int32", SchemaFingerprint.TypeName(feed.GetFieldByName("days_on_lot").DataType));
        Assert.Equal(["vin"], StellantisFeedVehicle.Descriptor.Key);
        Assert.Equal("items", StellantisFeedVehicle.Descriptor.RecordsPath);
        Assert.Equal("stellantis_dealer_feed", StellantisFeedVehicle.Descriptor.Table);
    }

    private static IEnumerable<byte[]> Pages(DealerFeedQuery query, SchemaDriftKind drift = SchemaDriftKind.None) =>
        Enumerable.Range(1, Simulation.DealerFeed.PageCount(query)).Select(page => Simulation.DealerFeed.RenderPage(query with { Page = page }, drift));

    private static readonly ExpectedColumns<SimulatedFeedItem> Columns = new(i => i.Vin)
    {
        { "vin", i => i.Vin },
        { "dealer_code", i => i.DealerCode },
        { "stock_number", i => i.StockNo },
        { "feed_status", i => i.Status },
        { "msrp", i => i.Msrp },
        { "discounted_price", i => i.InternetPrice },
        { "dealer_discount", i => i.DealerDiscount },
        { "exterior_color_desc", i => i.ExteriorColor },
        { "mileage", i => i.Odometer },
        { "days_on_lot", i => i.DaysOnLot },
        { "last_updated", i => i.UpdatedAt },
    };
}
