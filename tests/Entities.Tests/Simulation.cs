using Ingest.Simulator;

namespace Ingest.Entities.Tests;

/// <summary>
/// One simulated world shared by the tests (default seed, fixed date): built once, since generating a day of
/// national inventory is the expensive part. Every source in it is deterministic.
/// </summary>
internal static class Simulation
{
    public static readonly DateOnly Date = new(2026, 11, 27);

    private static readonly Lazy<InventoryPages> LazyInventory = new(() => new InventoryPages(new SimulatorOptions { Date = Date }));
    private static readonly Lazy<DealerLocator> LazyDealers = new(() => new DealerLocator(new SimulatorOptions().Seed, Inventory.Inventory.Dealers));
    private static readonly Lazy<DealerFeed> LazyDealerFeed = new(() => new DealerFeed(Inventory.Inventory));
    private static readonly Lazy<MercedesInventory> LazyMercedes = new(() => new MercedesInventory(new SimulatorOptions { Date = Date }, Inventory.Inventory.Dealers));

    public static InventoryPages Inventory => LazyInventory.Value;

    public static DealerLocator Dealers => LazyDealers.Value;

    public static DealerFeed DealerFeed => LazyDealerFeed.Value;

    public static MercedesInventory Mercedes => LazyMercedes.Value;
}
