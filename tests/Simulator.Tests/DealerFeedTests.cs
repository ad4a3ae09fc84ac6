namespace Ingest.Simulator.Tests;

/// <summary>The dealer inventory feed against the public inventory it is drawn from (no HTTP).</summary>
public sealed class DealerFeedTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    private static readonly DateOnly Today = SharedInventory.Today;
    private static readonly DealerFeedQuery National = new(Today, PageSize: 500);

    /// <summary>New York and 250 miles around it: enough items (~20,000) that the rarer cases occur, small enough to hold the public records.</summary>
    private static readonly DealerFeedQuery Northeast = new(Today, Radius: 250);

    private DealerFeed Feed => _feed ??= new DealerFeed(shared.Pages.Inventory);
    private DealerFeed? _feed;

    [Fact]
    public void The_same_seed_and_date_render_the_same_pages_from_an_independent_model_and_another_seed_does_not()
    {
        var other = new DealerFeed(new JeepInventory(SharedInventory.Options));
        var lastPage = Feed.PageCount(National);

        Assert.Equal(Feed.RenderPage(National), other.RenderPage(National));
        Assert.Equal(Feed.RenderPage(National with { Page = lastPage }), other.RenderPage(National with { Page = lastPage }));
        var reseeded = new DealerFeed(new JeepInventory(SharedInventory.Options with { Seed = 7 }));
        Assert.NotEqual(Feed.RenderPage(National), reseeded.RenderPage(National));
    }

    [Fact]
    public void Pages_cover_every_item_once_by_dealer_code_then_vin_and_a_page_past_the_end_is_empty()
    {
        var truth = Feed.Items(National);
        var pages = Enumerable.Range(1, Feed.PageCount(National)).Select(page => Feed.RenderPage(National with { Page = page })).ToList();
        var served = pages.SelectMany(FeedPageJson.Items).ToList();

        Assert.Equal(truth.Select(i => i with { HasStalePrice = false }), served);
        Assert.All(pages, page => Assert.Equal(truth.Count, FeedPageJson.TotalItems(page)));
        Assert.All(pages.SkipLast(1), page => Assert.Equal(500, FeedPageJson.Items(page).Count));
        Assert.Equal(truth.Count, served.Select(i => i.Vin).Distinct().Count());
        var order = served.Select(i => (i.DealerCode, i.Vin)).ToList();
        Assert.Equal(order.OrderBy(o => o.DealerCode, StringComparer.Ordinal).ThenBy(o => o.Vin, StringComparer.Ordinal), order);

        var pastTheEnd = Feed.RenderPage(National with { Page = pages.Count + 1 });
        Assert.Empty(FeedPageJson.Items(pastTheEnd));
        Assert.Equal(truth.Count, FeedPageJson.TotalItems(pastTheEnd));
        Assert.Equal(500, FeedPageJson.Feed(Feed.RenderPage(National with { PageSize = 5000 })).GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public void Statuses_follow_the_public_inventory_of_the_day_and_the_next()
    {
        var today = Public(Today);
        var tomorrow = Public(Today.AddDays(1));
        var items = Feed.Items(Northeast);

        foreach (var item in items)
        {
            var (listedToday, listedTomorrow) = (today.ContainsKey(item.Vin), tomorrow.ContainsKey(item.Vin));
            var expected = (listedToday, listedTomorrow) switch
            {
                (true, true) => DealerFeedStatus.InStock,
                (true, false) => DealerFeedStatus.SalePending,
                (false, true) => DealerFeedStatus.InTransit,
                _ => "in neither day's inventory",
            };
            Assert.True(expected == item.Status, $"{item.Vin} is {item.Status} in the feed; the public inventory says {expected}.");
        }

        // Every subscriber's arrival is listed; of its vehicles on the lot, all but the ~2% the feed lags on.
        var feedVins = items.Select(i => i.Vin).ToHashSet();
        var arrivals = tomorrow.Values.Where(v => !today.ContainsKey(v.Vin) && Feed.IsSubscribed(v.DealerCode)).ToList();
        Assert.All(arrivals, v => Assert.Contains(v.Vin, feedVins));
        var onTheLot = today.Values.Where(v => Feed.IsSubscribed(v.DealerCode)).ToList();
        var lagged = onTheLot.Count(v => !feedVins.Contains(v.Vin)) / (double)onTheLot.Count;
        Assert.InRange(lagged, 0.01, 0.03);
        Assert.InRange(items.Count(i => i.Status == DealerFeedStatus.InTransit) / (double)items.Count, 0.01, 0.05);
        Assert.InRange(items.Count(i => i.Status == DealerFeedStatus.SalePending) / (double)items.Count, 0.01, 0.05);
    }

    [Fact]
    public void A_vehicles_stock_number_is_the_same_from_one_day_to_the_next()
    {
        var today = Feed.Items(Northeast).ToDictionary(i => i.Vin);
        var tomorrow = Feed.Items(Northeast with { Date = Today.AddDays(1) });

        var both = tomorrow.Where(i => today.ContainsKey(i.Vin)).ToList();
        Assert.True(both.Count > 5_000, $"{both.Count} vehicles in both days' feeds");
        Assert.All(both, i => Assert.Equal(today[i.Vin].StockNo, i.StockNo));
    }

    [Fact]
    public void Only_subscribing_dealers_are_carried_about_40_percent_of_them()
    {
        var items = Feed.Items(National);
        var dealers = shared.Pages.Inventory.Dealers.Dealers;
        var subscribers = dealers.Count(d => Feed.IsSubscribed(d.DealerCode));

        Assert.All(items.Select(i => i.DealerCode).Distinct(), code => Assert.True(Feed.IsSubscribed(code), $"dealer {code} does not subscribe"));
        Assert.InRange(subscribers / (double)dealers.Count, 0.37, 0.43);
        var vehicles = shared.Pages.Count(new InventoryQuery(Today, null));
        Assert.InRange(items.Count / (double)vehicles, 0.30, 0.50);
    }

    [Fact]
    public void The_documented_proportions_hold_on_the_national_feed()
    {
        var items = Feed.Items(National);
        var subscribers = string.Join(',', shared.Pages.Inventory.Dealers.Dealers.Where(d => Feed.IsSubscribed(d.DealerCode)).Select(d => d.DealerCode));
        var subscribersVehicles = shared.Pages.Count(new InventoryQuery(Today, null, DealerCodes: subscribers));
        var onTheLot = items.Count(i => i.Status != DealerFeedStatus.InTransit);

        Assert.InRange(1 - onTheLot / (double)subscribersVehicles, 0.015, 0.025); // lagged
        Assert.InRange(Share(items, i => i.HasStalePrice), 0.04, 0.06);
        Assert.InRange(Share(items, i => i.Msrp is null), 0.025, 0.035);
        Assert.InRange(Share(items, i => i.ExteriorColor is null), 0.025, 0.035);
        Assert.InRange(Share(items, i => i.Status == DealerFeedStatus.InTransit), 0.015, 0.04);
        Assert.InRange(Share(items, i => i.Status == DealerFeedStatus.SalePending), 0.015, 0.04);
        Assert.All(items.Where(i => i.Status == DealerFeedStatus.InTransit), i => Assert.Null(i.DaysOnLot));
        Assert.All(items.Where(i => i.Status != DealerFeedStatus.InTransit), i => Assert.True(i.DaysOnLot >= 0));
    }

    [Fact]
    public void Values_agree_with_the_public_records_and_updated_at_decides_a_latest_value_policy_both_ways()
    {
        var yesterday = Public(Today.AddDays(-1));
        var today = Public(Today);
        var tomorrow = Public(Today.AddDays(1));
        var items = Feed.Items(Northeast);
        var staleAndRepriced = 0;

        foreach (var item in items)
        {
            var arriving = item.Status == DealerFeedStatus.InTransit;
            var listed = arriving ? tomorrow[item.Vin] : today[item.Vin];
            Assert.Equal(listed.DealerCode, item.DealerCode);
            if (item.Msrp is not null && listed.Msrp is not null) Assert.Equal(listed.Msrp, item.Msrp);
            if (item.ExteriorColor is not null) Assert.Equal(listed.ExteriorColorDesc, item.ExteriorColor);
            if (listed.StockNumber is not null) Assert.Equal(listed.StockNumber, item.StockNo);
            else Assert.Matches(@"^J\d\d-\d{4}$", item.StockNo);
            Assert.Equal(listed.Mileage, item.Odometer);
            if (!arriving && listed.DateInStock is { } inStock) Assert.Equal(Today.DayNumber - inStock.DayNumber, item.DaysOnLot);

            if (!item.HasStalePrice)
            {
                // Fresh: today's public price, updated today after the public record was.
                if (listed.DiscountedPrice is not null) Assert.Equal(listed.DiscountedPrice, item.InternetPrice);
                Assert.Equal(Today, DateOnly.FromDateTime(item.UpdatedAt.UtcDateTime));
                if (!arriving) Assert.True(item.UpdatedAt > listed.LastUpdated, $"{item.Vin}: fresh {item.UpdatedAt:O} is not after the public {listed.LastUpdated:O}");
                continue;
            }

            // Stale: yesterday's public price, updated yesterday; where that price is no longer the public one, before the public record.
            var before = yesterday[item.Vin];
            if (before.DiscountedPrice is not null) Assert.Equal(before.DiscountedPrice, item.InternetPrice);
            Assert.Equal(Today.AddDays(-1), DateOnly.FromDateTime(item.UpdatedAt.UtcDateTime));
            if (before.DiscountedPrice is not null && listed.DiscountedPrice is not null && before.DiscountedPrice != listed.DiscountedPrice)
            {
                staleAndRepriced++;
                Assert.True(item.UpdatedAt < listed.LastUpdated, $"{item.Vin}: stale {item.UpdatedAt:O} is not before the public {listed.LastUpdated:O}");
            }
        }

        Assert.True(staleAndRepriced > 0, "no stale item whose price the public record has changed since");
        Assert.Contains(items, i => i.Msrp is null && today.TryGetValue(i.Vin, out var v) && v.Msrp is not null);
    }

    private Dictionary<string, SimulatedVehicle> Public(DateOnly date) =>
        shared.Pages.Vehicles(new InventoryQuery(date, null, Northeast.Zip, Northeast.Radius)).ToDictionary(v => v.Vin);

    private static double Share(IReadOnlyList<SimulatedFeedItem> items, Func<SimulatedFeedItem, bool> predicate) =>
        items.Count(predicate) / (double)items.Count;
}
