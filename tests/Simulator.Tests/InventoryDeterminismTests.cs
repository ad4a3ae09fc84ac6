namespace Ingest.Simulator.Tests;

public sealed class InventoryDeterminismTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    private static readonly InventoryQuery Wrangler = new(SharedInventory.Today, "IUJ202510", PageSize: 50);

    [Fact]
    public void Same_seed_and_date_render_the_same_bytes_from_an_independent_model()
    {
        var other = new InventoryPages(SharedInventory.Options);
        Assert.Equal(shared.Pages.RenderPage(Wrangler, 1), other.RenderPage(Wrangler, 1));
        Assert.Equal(shared.Pages.RenderPage(Wrangler, 517), other.RenderPage(Wrangler, 517));
    }

    [Fact]
    public void A_different_seed_renders_different_bytes()
    {
        var other = new InventoryPages(SharedInventory.Options with { Seed = 7 });
        Assert.NotEqual(shared.Pages.RenderPage(Wrangler, 1), other.RenderPage(Wrangler, 1));
    }

    [Fact]
    public void Consecutive_days_differ_by_a_few_percent_sold_new_and_repriced()
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202530");
        var today = shared.Pages.Vehicles(query).ToDictionary(v => v.Vin);
        var tomorrow = shared.Pages.Vehicles(query with { Date = SharedInventory.Today.AddDays(1) }).ToDictionary(v => v.Vin);

        var sold = today.Keys.Count(vin => !tomorrow.ContainsKey(vin)) / (double)today.Count;
        var arrived = tomorrow.Keys.Count(vin => !today.ContainsKey(vin)) / (double)today.Count;
        var kept = today.Keys.Where(tomorrow.ContainsKey).ToList();
        var repriced = kept.Count(vin => today[vin].DiscountedPrice != tomorrow[vin].DiscountedPrice) / (double)kept.Count;
        var otherwiseChanged = kept.Count(vin => today[vin] with { DiscountedPrice = null, LastUpdated = default }
            != tomorrow[vin] with { DiscountedPrice = null, LastUpdated = default, Options = today[vin].Options, Incentives = today[vin].Incentives });

        Assert.InRange(sold, 0.01, 0.06);
        Assert.InRange(arrived, 0.01, 0.06);
        Assert.InRange(repriced, 0.01, 0.08);
        Assert.Equal(0, otherwiseChanged);
    }

    [Fact]
    public void A_vehicle_keeps_its_identity_while_on_the_lot()
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202560");
        var before = shared.Pages.Vehicles(query with { Date = SharedInventory.Today.AddDays(-1) }).ToDictionary(v => v.Vin);
        var now = shared.Pages.Vehicles(query);
        var matched = now.Where(v => before.ContainsKey(v.Vin)).ToList();
        Assert.True(matched.Count > now.Count * 0.9);
        Assert.All(matched, v =>
        {
            var old = before[v.Vin];
            Assert.Equal(old.DealerCode, v.DealerCode);
            Assert.Equal(old.ExteriorColorCode, v.ExteriorColorCode);
            Assert.Equal(old.Msrp, v.Msrp);
            Assert.Equal(old.DateInStock, v.DateInStock);
        });
    }
}
