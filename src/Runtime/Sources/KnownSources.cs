using System.Globalization;

namespace Ingest.Sources;

/// <summary>Options for the upstreams the project ships entities for.</summary>
public static class KnownSources
{
    /// <summary>
    /// Stellantis public inventory (<c>/hostd/inventory/getinventoryresults.json</c>), one sub-resource per
    /// model-year code, around a zip (radius 99999: national).
    /// </summary>
    /// <param name="brand">The brand's site name (<c>jeep</c>, <c>ramtrucks</c>, ...), used for the Referer.</param>
    public static PagedSourceOptions StellantisInventory(Uri baseAddress, string zip = "10001", int radius = 99999, string brand = "jeep") => new()
    {
        SourceName = "stellantis_inventory",
        BaseAddress = baseAddress,
        RequestPath = string.Create(CultureInfo.InvariantCulture,
            $"hostd/inventory/getinventoryresults.json?zip={Uri.EscapeDataString(zip)}&radius={radius}&modelYearCode={{subResource}}&func=SALES&includeIncentives=Y&matchType=X&sortBy=0"),
        Pagination = PageNumberPagination.StellantisInventory,
        PageSize = 50,
        Referer = $"https://www.{brand}.com/new-inventory",
        RecordKeys = RecordKeyPath.StellantisInventory,
    };

    /// <summary>
    /// The Stellantis dealer locator (<c>/bdlws/MDLSDealerLocator</c>): a brand's sales dealers within a radius of a zip
    /// (99999: national), nearest first, 999 a page; one sub-resource per brand code (<c>J</c> for Jeep).
    /// </summary>
    public static PagedSourceOptions StellantisDealers(Uri baseAddress, string zip = "10001", int radius = 99999, string brand = "jeep") => new()
    {
        SourceName = "stellantis_dealers",
        BaseAddress = baseAddress,
        RequestPath = string.Create(CultureInfo.InvariantCulture,
            $"bdlws/MDLSDealerLocator?zipCode={Uri.EscapeDataString(zip)}&func=SALES&radius={radius}&brandCode={{subResource}}"),
        Pagination = PageNumberPagination.StellantisDealers,
        PageSize = 999,
        Referer = $"https://www.{brand}.com/find-dealer",
        RecordKeys = RecordKeyPath.StellantisDealers,
    };

    /// <summary>
    /// The dealer inventory feed (<c>/feeds/stellantis/inventory.json</c>, simulated; docs/dealer-feed.md): the vehicles
    /// of the dealers within a radius of a zip (99999: national) that subscribe to a syndication platform, by dealer
    /// code then VIN, 250 a page; one sub-resource per brand code (<c>J</c> for Jeep).
    /// </summary>
    public static PagedSourceOptions StellantisDealerFeed(Uri baseAddress, string zip = "10001", int radius = 99999) => new()
    {
        SourceName = "stellantis_dealer_feed",
        BaseAddress = baseAddress,
        RequestPath = string.Create(CultureInfo.InvariantCulture,
            $"feeds/stellantis/inventory.json?brand={{subResource}}&zip={Uri.EscapeDataString(zip)}&radius={radius}"),
        Pagination = PageNumberPagination.StellantisDealerFeed,
        PageSize = 250,
        RecordKeys = RecordKeyPath.StellantisDealerFeed,
    };

    /// <summary>Mercedes-Benz USA inventory, one sub-resource per condition (<c>new</c>, <c>used</c>); distance null: <c>ANY</c>.</summary>
    public static PagedSourceOptions MercedesInventory(Uri baseAddress, string zip = "10001", int? distance = null, int pageSize = 12) => new()
    {
        SourceName = "mercedes_inventory",
        BaseAddress = baseAddress,
        RequestPath = string.Create(CultureInfo.InvariantCulture,
            $"api/inv/v1/en_us/{{subResource}}/vehicles/search?zip={Uri.EscapeDataString(zip)}&distance={(distance is { } d ? d.ToString(CultureInfo.InvariantCulture) : "ANY")}&withFilters=true"),
        Pagination = PageIndexPagination.MercedesInventory,
        PageSize = pageSize,
        Referer = "https://www.mbusa.com/en/inventory",
        RecordKeys = RecordKeyPath.MercedesInventory,
    };
}
