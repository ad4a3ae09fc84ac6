namespace Ingest.Simulator;

/// <summary>
/// Ground truth for one Jeep inventory vehicle: every field's true typed value as the simulator means it,
/// whatever JSON spelling the page used (number or <c>"48,995.00"</c>, <c>"Y"</c> or <c>true</c>, ISO or US dates,
/// null or absent). Property names follow the JSON names in <c>docs/simulator.md</c>.
/// </summary>
public sealed record SimulatedVehicle
{
    public required string Vin { get; init; }
    public required string ModelYearCode { get; init; }
    public required int ModelYear { get; init; }
    public required string VehicleDesc { get; init; }
    public required string Brand { get; init; }
    public required string Ccode { get; init; }
    public required string Llp { get; init; }
    public required string StatusCode { get; init; }
    public required string DealerCode { get; init; }
    /// <summary>5 or 9 digits as sent (no dash).</summary>
    public required string DealerZipCode { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public required string EngineDesc { get; init; }
    public required string EngineCode { get; init; }
    public required string TransmissionDesc { get; init; }
    public required string TransmissionCode { get; init; }
    public required string ExteriorColorDesc { get; init; }
    public required string ExteriorColorCode { get; init; }
    public required string? ExteriorColorHex { get; init; }
    public required string InteriorColorDesc { get; init; }
    public required string InteriorColorCode { get; init; }
    public required string? InteriorFabric { get; init; }
    public required IReadOnlyList<string> Options { get; init; }

    // price.*
    public required decimal? Msrp { get; init; }
    public required decimal? Destination { get; init; }
    public required decimal? NetPrice { get; init; }
    public required decimal? EmployeePrice { get; init; }
    public required decimal? DiscountedPrice { get; init; }

    // attributes.attributes[typeDesc=...].value
    public required string Drive { get; init; }
    public required string RealTrim { get; init; }
    public required string PowerSource { get; init; }
    public required int Doors { get; init; }

    // specs.attributes[name=...].value
    public required int Seats { get; init; }
    public required decimal? FuelCapacity { get; init; }

    public required string ExtImage { get; init; }
    public required string IntImage { get; init; }
    public required string MatchLevel { get; init; }
    public required string ConsumerFamily { get; init; }
    public required string MackevisionUlp { get; init; }
    public required string MackevisionLlp { get; init; }
    public required string? AssumedModelYearCode { get; init; }
    public required string? StockNumber { get; init; }
    /// <summary>Miles from the searched zip to the dealer, rounded to 2 decimals.</summary>
    public required double Distance { get; init; }
    public required bool? InTransit { get; init; }
    public required string InventoryStatus { get; init; }
    public required string ModelCode { get; init; }
    public required string Cpp { get; init; }
    /// <summary>Empty when the vehicle has no incentives; null when the field is null or absent.</summary>
    public required IReadOnlyList<SimulatedIncentive>? Incentives { get; init; }
    public required int? Mileage { get; init; }
    public required int? CityMpg { get; init; }
    public required int? HighwayMpg { get; init; }
    public required int? Horsepower { get; init; }
    public required int? Torque { get; init; }
    public required int? TowingCapacity { get; init; }
    public required decimal? Wheelbase { get; init; }
    public required int? EvRange { get; init; }
    public required string BodyStyle { get; init; }
    public required string FuelType { get; init; }
    public required string TrimDesc { get; init; }
    public required string ModelDesc { get; init; }
    public required string? PackageDesc { get; init; }
    public required string? WarrantyDesc { get; init; }
    public required string? DealerNotes { get; init; }
    public required string VdpUrl { get; init; }
    public required DateOnly? DateInStock { get; init; }
    public required DateOnly? EstimatedDeliveryDate { get; init; }
    public required DateOnly? ProductionDate { get; init; }
    public required DateTimeOffset LastUpdated { get; init; }
    public required bool? IsDemo { get; init; }
    public required bool? HasOnlinePrice { get; init; }

    /// <summary>How this vehicle's values are spelled on the wire (not part of the ground truth).</summary>
    internal VehicleSpelling Spelling { get; init; }
}
