namespace Ingest.Simulator;

/// <summary>
/// Ground truth for one Mercedes-Benz search record. <see cref="Year"/> is sent as a string; <see cref="Mileage"/>,
/// <see cref="Certified"/> and <see cref="DealerLocation"/> are sent (as strings) only for used vehicles, inside
/// <c>usedVehicleAttributes</c>.
/// </summary>
public sealed record SimulatedMercedesVehicle
{
    public required string Vin { get; init; }
    public required MercedesCondition Condition { get; init; }
    public required int Year { get; init; }
    public required string ModelId { get; init; }
    public required string ModelName { get; init; }
    public required decimal Msrp { get; init; }
    public required string DealerId { get; init; }
    public required MercedesColor Paint { get; init; }
    public required MercedesColor Upholstery { get; init; }
    public required MercedesCode FuelType { get; init; }
    public required MercedesCode DriveTrain { get; init; }
    public required IReadOnlyList<MercedesProperty> Properties { get; init; }
    public required IReadOnlyList<MercedesPayment> MonthlyPaymentInfo { get; init; }
    public required int? Mileage { get; init; }
    public required bool? Certified { get; init; }
    public required GeoPoint DealerLocation { get; init; }
    /// <summary>Miles from the searched zip, rounded to 1 decimal.</summary>
    public required double Distance { get; init; }
}
