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
}
