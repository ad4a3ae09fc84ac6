namespace Ingest.Sources;

/// <summary>Where a page's records are and which of their fields is the key, for <see cref="PageContinuityChecker"/>.</summary>
public sealed record RecordKeyPath(string RecordsPath, string KeyField)
{
    public static RecordKeyPath StellantisInventory { get; } = new("result.data.vehicles", "vin");

    public static RecordKeyPath MercedesInventory { get; } = new("result.pagedVehicles.records", "vin");

    public static RecordKeyPath StellantisDealers { get; } = new("dealer", "dealerCode");

    public static RecordKeyPath StellantisDealerFeed { get; } = new("items", "vin");
}
