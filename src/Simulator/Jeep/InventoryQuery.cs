namespace Ingest.Simulator;

/// <summary>
/// One inventory search as the endpoint receives it: a date (the partition date the inventory is taken on), an
/// optional model-year code (null: every code), a zip and radius in miles (99999: national), a page size (capped at
/// <see cref="MaxPageSize"/>) and optional dealer codes (comma-separated, as the <c>dealerCodes</c> parameter: only
/// those dealers' vehicles; null or empty: every dealer in range).
/// </summary>
public sealed record InventoryQuery(DateOnly Date, string? ModelYearCode, string Zip = InventoryQuery.NewYorkZip, int Radius = InventoryQuery.NationalRadius, int PageSize = 50, string? DealerCodes = null)
{
    public const int MaxPageSize = 500;
    public const int NationalRadius = 99999;
    public const string NewYorkZip = "10001";

    /// <summary>The page size the server actually uses.</summary>
    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public bool IsNational => Radius >= NationalRadius;

    /// <summary>The dealer codes asked for, trimmed, sorted and deduplicated; empty when the search is not filtered by dealer.</summary>
    public IReadOnlyList<string> DealerCodeList =>
        string.IsNullOrWhiteSpace(DealerCodes)
            ? []
            : [.. DealerCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
