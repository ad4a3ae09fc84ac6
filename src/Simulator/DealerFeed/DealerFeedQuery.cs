namespace Ingest.Simulator;

/// <summary>
/// One request to the dealer inventory feed (<c>/feeds/stellantis/inventory.json</c>): the date the feed is published for,
/// a zip and radius in miles that choose the dealers as the inventory search does (99999: national), a brand code
/// (the simulator carries Jeep, <c>J</c>, only), and a 1-based page of <see cref="PageSize"/> items (capped at
/// <see cref="MaxPageSize"/>).
/// </summary>
public sealed record DealerFeedQuery(
    DateOnly Date,
    string Zip = InventoryQuery.NewYorkZip,
    int Radius = InventoryQuery.NationalRadius,
    string Brand = DealerFeedQuery.JeepBrand,
    int Page = 1,
    int PageSize = DealerFeedQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 250;
    public const int MaxPageSize = 500;
    public const string JeepBrand = "J";

    /// <summary>The page size the server actually uses.</summary>
    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public bool IsNational => Radius >= InventoryQuery.NationalRadius;
}
