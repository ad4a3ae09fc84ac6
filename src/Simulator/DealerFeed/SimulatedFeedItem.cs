namespace Ingest.Simulator;

/// <summary>
/// Ground truth for one item of the dealer inventory feed: each field's value as the feed means it (property names
/// follow the JSON names in <c>docs/dealer-feed.md</c>). The page bytes are written from this object, so the two
/// cannot differ.
/// </summary>
public sealed record SimulatedFeedItem
{
    public required string Vin { get; init; }

    /// <summary><c>dealer.code</c>: five digits with leading zeros, the public inventory's <c>dealerCode</c>.</summary>
    public required string DealerCode { get; init; }

    /// <summary>The public <c>stockNumber</c> when the public record has one, else the feed's own (<c>J25-0193</c>).</summary>
    public required string StockNo { get; init; }

    /// <summary>One of <see cref="DealerFeedStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary><c>pricing.msrp</c>, a JSON number; null on about 3% of items.</summary>
    public required decimal? Msrp { get; init; }

    /// <summary><c>pricing.internetPrice</c>, sent as <c>"46,495.00"</c>: the public discounted price, or the day before's when <see cref="HasStalePrice"/>.</summary>
    public required decimal InternetPrice { get; init; }

    /// <summary><c>pricing.dealerDiscount</c>, sent as <c>"2,500.00"</c>: the dealer's discount behind <see cref="InternetPrice"/>.</summary>
    public required decimal DealerDiscount { get; init; }

    /// <summary>The public <c>exteriorColorDesc</c>; null on about 3% of items.</summary>
    public required string? ExteriorColor { get; init; }

    /// <summary>The public <c>mileage</c> (null where the public record has none).</summary>
    public required int? Odometer { get; init; }

    /// <summary>Days since the vehicle arrived on the lot; null for an item <see cref="DealerFeedStatus.InTransit"/>.</summary>
    public required int? DaysOnLot { get; init; }

    /// <summary>
    /// When the feed last updated the item: on the feed's day, after every public <c>lastUpdated</c> of that day; or,
    /// when <see cref="HasStalePrice"/>, on the day before, before 06:00.
    /// </summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Not sent: whether the feed carries the day before's price (and <see cref="UpdatedAt"/>) for this item.</summary>
    public required bool HasStalePrice { get; init; }
}
