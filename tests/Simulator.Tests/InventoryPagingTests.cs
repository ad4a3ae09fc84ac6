namespace Ingest.Simulator.Tests;

public sealed class InventoryPagingTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    [Fact]
    public void Every_vehicle_is_served_exactly_once_in_vin_order_and_the_last_page_is_short()
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202671", PageSize: 50);
        var truth = shared.Pages.Vehicles(query).Select(v => v.Vin).ToList();
        var pages = shared.Pages.Pages(query).ToList();

        var served = pages.SelectMany(PageJson.Vins).ToList();
        Assert.Equal(truth, served);
        Assert.Equal(served.Order(StringComparer.Ordinal), served);
        Assert.Equal(served.Count, served.Distinct().Count());
        Assert.Equal((truth.Count + 49) / 50, pages.Count);
        Assert.All(pages[..^1], page => Assert.Equal(50, PageJson.Vins(page).Count));
        Assert.InRange(PageJson.Vins(pages[^1]).Count, 1, 49);
        Assert.All(pages, page => Assert.Equal(truth.Count, PageJson.TotalCount(page)));
    }

    [Fact]
    public void Page_size_is_capped_at_500_and_pages_past_the_end_are_empty()
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202650", PageSize: 2000);
        Assert.Equal(500, PageJson.Vins(shared.Pages.RenderPage(query, 1)).Count);
        Assert.Empty(PageJson.Vins(shared.Pages.RenderPage(query, 10_000)));
    }

    [Fact]
    public void Every_ccode_starts_with_its_model_year_code()
    {
        var page = shared.Pages.RenderPage(new InventoryQuery(SharedInventory.Today, "IUJ202531"), 3);
        Assert.All(PageJson.Vehicles(page).EnumerateArray(), v => Assert.StartsWith("IUJ202531", v.GetProperty("ccode").GetString()));
    }

    [Fact]
    public void National_inventory_is_about_250000_vehicles_and_the_largest_code_has_over_1000_pages()
    {
        var codes = shared.Pages.ModelYearCodes(SharedInventory.Today);
        var national = shared.Pages.Count(new InventoryQuery(SharedInventory.Today, null));
        Assert.Equal(codes.Sum(c => c.VehicleCount), national);
        Assert.InRange(national, 230_000, 250_000);
        Assert.True(codes.Count >= 15);
        Assert.Contains(codes, c => c.ModelName == "Wrangler" && c.ModelYear == 2025);
        Assert.True(codes.Max(c => c.VehicleCount) > 50_000);
        var largest = codes.MaxBy(c => c.VehicleCount)!;
        Assert.True(shared.Pages.PageCount(new InventoryQuery(SharedInventory.Today, largest.ModelYearCode)) > 1000);
    }

    [Fact]
    public void New_York_within_50_miles_is_a_few_thousand_vehicles_all_within_the_radius()
    {
        var query = new InventoryQuery(SharedInventory.Today, null, "10001", 50);
        var vehicles = shared.Pages.Vehicles(query);
        Assert.InRange(vehicles.Count, 2_000, 6_000);
        Assert.All(vehicles, v => Assert.InRange(v.Distance, 0, 50));
        var dealers = shared.Pages.Inventory.Dealers.Dealers.ToDictionary(d => d.DealerCode);
        var origin = new GeoPoint(40.7506, -73.9972);
        Assert.All(vehicles, v => Assert.True(origin.MilesTo(dealers[v.DealerCode].Location) <= 50));

        // Every vehicle of a dealer inside the radius is included: compare with a brute-force filter of the national list.
        var nationalNearby = shared.Pages.Vehicles(query with { Radius = InventoryQuery.NationalRadius }).Count(v => v.Distance <= 50);
        Assert.Equal(nationalNearby, vehicles.Count);
    }

    [Fact]
    public void Rendering_one_page_with_the_no_http_api_matches_the_ground_truth()
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202510", "10001", 150, 100);
        var truth = shared.Pages.Vehicles(query).Skip(100).Take(100).ToList();
        var page = PageJson.Vehicles(shared.Pages.RenderPage(query, 2)).EnumerateArray().ToList();
        Assert.Equal(truth.Count, page.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            var price = page[i].GetProperty("price");
            Assert.Equal(truth[i].Vin, page[i].GetProperty("vin").GetString());
            Assert.Equal(truth[i].Msrp, PageJson.Amount(price, "msrp"));
            Assert.Equal(truth[i].DiscountedPrice, PageJson.Amount(price, "discountedPrice"));
            Assert.Equal(truth[i].ExteriorColorDesc, page[i].GetProperty("exteriorColorDesc").GetString());
            Assert.Equal(truth[i].Distance, page[i].GetProperty("distance").GetDouble());
        }
    }
}
