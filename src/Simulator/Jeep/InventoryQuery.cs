namespace Ingest.Simulator;

/// <summary>
/// One inventory search as the endpoint receives it: a date (the partition date the inventory is taken on), an
/// optional model-year code (null: every code), a zip and radius in miles (99999: national) and a page size
/// (capped at <see cref="MaxPageSize"/>).
/// </summary>
public sealed record InventoryQuery(DateOnly Date, string? ModelYearCode, string Zip = InventoryQuery.NewYorkZip, int Radius = InventoryQuery.NationalRadius, int PageSize = 50)
{
    public const int MaxPageSize = 500;
    public const int NationalRadius = 99999;
    public const string NewYorkZip = "10001";

    /// <summary>The page size the server actually uses.</summary>
    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public bool IsNational => Radius >= NationalRadius;
}
