namespace Ingest.Simulator;

/// <summary>
/// Ground truth for one dealer as the simulator means it, whatever spelling the dealer locator body uses
/// (latitude as a string or a number, 5- or 9-digit zip). <see cref="Index"/> is the dealer's position in
/// <see cref="DealerNetwork.Dealers"/>.
/// </summary>
public sealed record SimulatedDealer
{
    public required int Index { get; init; }
    public required string DealerCode { get; init; }
    public required int LocationSeq { get; init; }
    public required string DealerName { get; init; }
    public required string DealerAddress1 { get; init; }
    public required string? DealerAddress2 { get; init; }
    public required string DealerCity { get; init; }
    public required string DealerState { get; init; }
    /// <summary>5 digits, or 9 digits without a dash (zip+4).</summary>
    public required string DealerZipCode { get; init; }
    public required string DealerShowroomCountry { get; init; }
    public required GeoPoint Location { get; init; }
    public required string PhoneNumber { get; init; }
    public required string Website { get; init; }
    public required string? Email { get; init; }
    public required string Dma { get; init; }
    public required string BusinessCenter { get; init; }
    public required bool HasQuote { get; init; }
    /// <summary>Sales department hours, Monday first.</summary>
    public required IReadOnlyList<DealerDayHours> SalesHours { get; init; }
    public required IReadOnlyList<string> Brands { get; init; }
    public required IReadOnlyList<string> Services { get; init; }
    public required string DealerStatus { get; init; }
    public required MetroArea Metro { get; init; }
    /// <summary>Relative inventory size: how many vehicles this dealer stocks compared with the others.</summary>
    public required double InventoryWeight { get; init; }

    /// <summary>Whether the locator spells this dealer's showroom coordinates as JSON strings rather than numbers.</summary>
    internal bool CoordinatesAsStrings { get; init; }

    /// <summary>The 5-digit zip (the first five of a zip+4).</summary>
    public string Zip5 => DealerZipCode[..5];
}
