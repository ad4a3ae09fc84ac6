namespace Ingest.Simulator;

/// <summary>
/// A feed item's <c>status</c>: the dealer's own view of the vehicle, spelled as the syndication platform spells it
/// (not the public inventory's <c>In Stock</c>/<c>In Transit</c>/<c>Reserved</c>).
/// </summary>
public static class DealerFeedStatus
{
    /// <summary>In the day's public inventory and still there the next day.</summary>
    public const string InStock = "IN_STOCK";

    /// <summary>Not in the day's public inventory but in the next day's: the dealer knows of the arrival a day early.</summary>
    public const string InTransit = "IN_TRANSIT";

    /// <summary>In the day's public inventory and gone from the next day's: sold, the sale not yet closed.</summary>
    public const string SalePending = "SALE_PENDING";
}
