using Ingest.Coercers;

namespace Ingest.Entities.Stellantis;

/// <summary>
/// A vehicle of the dealer inventory feed (<c>/feeds/stellantis/inventory.json</c>, body <c>{"feed":{..},"items":[..]}</c>;
/// a simulated upstream, docs/dealer-feed.md): the second source of the vehicles <see cref="StellantisVehicle"/> reads
/// from the public inventory, for the dealers that subscribe to the feed.
/// </summary>
/// <remarks>
/// <para>A column that means what a <see cref="StellantisVehicle"/> column means has that column's name and Arrow type
/// (<c>vin</c>, <c>dealer_code</c>, <c>stock_number</c>, <c>msrp</c>, <c>discounted_price</c>,
/// <c>exterior_color_desc</c>, <c>mileage</c>, <c>last_updated</c>), so a merge of the two sources matches them by name.</para>
/// <para><c>feed_status</c>, <c>dealer_discount</c> and <c>days_on_lot</c> are the feed's alone. The status is not merged
/// into <c>inventory_status</c> because its vocabulary differs (<c>IN_STOCK</c>, <c>IN_TRANSIT</c>, <c>SALE_PENDING</c>
/// against the public <c>In Stock</c>, <c>In Transit</c>, <c>Reserved</c>): one column holds one vocabulary.</para>
/// </remarks>
[Entity("stellantis_dealer_feed", Records = "items", Key = [nameof(Vin)])]
public sealed partial class StellantisFeedVehicle
{
    [Coerce<Trim>, Coerce<Upper>]
    public string? Vin { get; init; }

    /// <summary>Kept as text: dealer codes have meaningful leading zeros (<c>08564</c>).</summary>
    [Path("dealer.code")]
    public string? DealerCode { get; init; }

    /// <summary>The public stock number when the public record has one, else the feed's own (<c>J25-0193</c>).</summary>
    [Alias("stockNo")]
    public string? StockNumber { get; init; }

    /// <summary><c>IN_STOCK</c>, <c>IN_TRANSIT</c> (an arrival the public inventory lists only the next day) or <c>SALE_PENDING</c>.</summary>
    [Alias("status")]
    public string? FeedStatus { get; init; }

    /// <summary>Sent as a JSON number (a string when the upstream drifts).</summary>
    [Path("pricing.msrp"), Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    /// <summary>The feed's <c>internetPrice</c>, sent as <c>"46,495.00"</c>: the public <c>discountedPrice</c>, or the day before's when the feed is stale.</summary>
    [Path("pricing.internetPrice"), Coerce<FormattedNumber>]
    public decimal? DiscountedPrice { get; init; }

    /// <summary>Sent as <c>"2,500.00"</c>.</summary>
    [Path("pricing.dealerDiscount"), Coerce<FormattedNumber>]
    public decimal? DealerDiscount { get; init; }

    [Alias("exteriorColor")]
    public string? ExteriorColorDesc { get; init; }

    [Alias("odometer")]
    public int? Mileage { get; init; }

    /// <summary>Days since the vehicle arrived on the lot; null while in transit.</summary>
    public int? DaysOnLot { get; init; }

    /// <summary>The feed's <c>updatedAt</c>: when it last updated the vehicle (compare with the public <c>last_updated</c> to pick the later value).</summary>
    [Alias("updatedAt")]
    public DateTimeOffset? LastUpdated { get; init; }
}
