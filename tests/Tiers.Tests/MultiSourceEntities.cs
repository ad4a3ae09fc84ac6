namespace Ingest.Tiers.Tests;

/// <summary>The main source of the multi-source tests: a listing site's vehicles.</summary>
[Entity("listings", Records = "items", Key = [nameof(Vin)])]
public sealed partial class Listing
{
    public string? Vin { get; init; }

    public decimal? Price { get; init; }

    public string? Color { get; init; }

    public string? StockNumber { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    public string[]? Options { get; init; }
}

/// <summary>A second source of the same vehicles: a dealer's feed, with a column of its own (<c>days_on_lot</c>).</summary>
[Entity("feed_listings", Records = "items", Key = [nameof(Vin)])]
public sealed partial class FeedListing
{
    public string? Vin { get; init; }

    public decimal? Price { get; init; }

    public string? Color { get; init; }

    public string? StockNumber { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    public int? DaysOnLot { get; init; }
}

/// <summary>A source whose <c>price</c> is text: it cannot be merged with the others' decimal.</summary>
[Entity("text_price_listings", Records = "items", Key = [nameof(Vin)])]
public sealed partial class TextPriceListing
{
    public string? Vin { get; init; }

    public string? Price { get; init; }
}

/// <summary>A source keyed by another column.</summary>
[Entity("stock_listings", Records = "items", Key = [nameof(StockNumber)])]
public sealed partial class StockListing
{
    public string? Vin { get; init; }

    public string? StockNumber { get; init; }
}
