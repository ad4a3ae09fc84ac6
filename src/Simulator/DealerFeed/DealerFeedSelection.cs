namespace Ingest.Simulator;

/// <summary>
/// The items of a feed (date, zip, radius) in served order, by dealer code then VIN: each a slot of the day's
/// inventory (in stock, sale pending) or of the next day's (in transit). Built once per feed and cached.
/// </summary>
internal sealed record DealerFeedSelection(InventoryDay Today, InventoryDay Tomorrow, DealerFeedEntry[] Entries)
{
    public VehicleCore Core(in DealerFeedEntry entry) =>
        entry.Status == DealerFeedStatus.InTransit ? Tomorrow.Cores[entry.Slot] : Today.Cores[entry.Slot];
}
