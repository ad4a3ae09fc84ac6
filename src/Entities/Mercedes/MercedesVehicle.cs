using Ingest.Coercers;

namespace Ingest.Entities.Mercedes;

/// <summary>
/// A vehicle of the Mercedes-Benz USA inventory search (<c>/api/inv/v1/en_us/{new|used}/vehicles/search</c>): every
/// field of the record as a column. Nested objects become dotted paths (<c>paint.price</c>), the name/value list
/// <c>properties</c> and the typed list <c>monthlyPaymentInfo</c> become one column per entry.
/// </summary>
/// <remarks>
/// <para>New and used vehicles share the record; <c>usedVehicleAttributes</c> is <c>null</c> for new ones, so
/// <see cref="Mileage"/> and <see cref="Certified"/> are null for them. Whether a row is new or used is the search's
/// path segment, not a field: the pipeline records it as the sub-resource.</para>
/// <para><c>usedVehicleAttributes.dealer.address</c> is a list of objects with no key to select an element by, each
/// holding its values one object deeper (<c>location.lat</c>): it is a list of structs, <see cref="DealerAddresses"/>.</para>
/// </remarks>
[Entity("mercedes_inventory", Records = "result.pagedVehicles.records", Key = [nameof(Vin)])]
public sealed partial class MercedesVehicle
{
    [Coerce<Trim>, Coerce<Upper>]
    public string? Vin { get; init; }

    /// <summary>Model year, sent as a string (<c>"2025"</c>).</summary>
    public int? Year { get; init; }

    public string? ModelId { get; init; }

    public string? ModelName { get; init; }

    /// <summary>US dollars.</summary>
    [Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    /// <summary>Five digits with leading zeros (<c>05400</c>), kept as text.</summary>
    public string? DealerId { get; init; }

    [Path("paint.id")]
    public string? PaintId { get; init; }

    [Path("paint.name")]
    public string? PaintName { get; init; }

    [Path("paint.metaCode")]
    public string? PaintMetaCode { get; init; }

    [Path("paint.price"), Coerce<FormattedNumber>]
    public decimal? PaintPrice { get; init; }

    [Path("upholstery.id")]
    public string? UpholsteryId { get; init; }

    [Path("upholstery.name")]
    public string? UpholsteryName { get; init; }

    [Path("upholstery.metaCode")]
    public string? UpholsteryMetaCode { get; init; }

    [Path("upholstery.price"), Coerce<FormattedNumber>]
    public decimal? UpholsteryPrice { get; init; }

    [Path("fuelType.id")]
    public string? FuelTypeId { get; init; }

    [Path("fuelType.name")]
    public string? FuelType { get; init; }

    [Path("driveTrain.id")]
    public string? DriveTrainId { get; init; }

    [Path("driveTrain.name")]
    public string? DriveTrain { get; init; }

    [Path("properties[name=engine].value")]
    public string? Engine { get; init; }

    [Path("properties[name=engine].header")]
    public string? EngineHeader { get; init; }

    /// <summary>Sent as <c>"255 hp"</c>.</summary>
    [Path("properties[name=horsepower].value"), Coerce<FormattedNumber>]
    public int? Horsepower { get; init; }

    [Path("properties[name=horsepower].header")]
    public string? HorsepowerHeader { get; init; }

    [Path("properties[name=exteriorColor].value")]
    public string? ExteriorColor { get; init; }

    [Path("properties[name=exteriorColor].header")]
    public string? ExteriorColorHeader { get; init; }

    [Path("properties[name=interior].value")]
    public string? Interior { get; init; }

    [Path("properties[name=interior].header")]
    public string? InteriorHeader { get; init; }

    /// <summary>Monthly lease payment, US dollars.</summary>
    [Path("monthlyPaymentInfo[type=lease].amount"), Coerce<FormattedNumber>]
    public decimal? LeaseAmount { get; init; }

    /// <summary>Lease term in months.</summary>
    [Path("monthlyPaymentInfo[type=lease].term")]
    public int? LeaseTerm { get; init; }

    /// <summary>Sent as <c>null</c> for leases today; kept in case the upstream starts filling it.</summary>
    [Path("monthlyPaymentInfo[type=lease].apr"), Decimal(6, 3)]
    public decimal? LeaseApr { get; init; }

    /// <summary>Monthly finance payment, US dollars.</summary>
    [Path("monthlyPaymentInfo[type=finance].amount"), Coerce<FormattedNumber>]
    public decimal? FinanceAmount { get; init; }

    /// <summary>Finance term in months.</summary>
    [Path("monthlyPaymentInfo[type=finance].term")]
    public int? FinanceTerm { get; init; }

    /// <summary>Annual percentage rate (<c>5.99</c>).</summary>
    [Path("monthlyPaymentInfo[type=finance].apr"), Decimal(6, 3)]
    public decimal? FinanceApr { get; init; }

    /// <summary>Miles, sent as a string (<c>"66838"</c>); null for new vehicles.</summary>
    [Path("usedVehicleAttributes.mileage"), Coerce<FormattedNumber>]
    public int? Mileage { get; init; }

    /// <summary>Certified pre-owned, sent as <c>"true"</c>/<c>"false"</c>; null for new vehicles.</summary>
    [Path("usedVehicleAttributes.certified"), Coerce<Flag>]
    public bool? Certified { get; init; }

    /// <summary>The selling dealer's showroom locations (one today), sent for used vehicles only; null for new ones.</summary>
    [Path("usedVehicleAttributes.dealer.address")]
    public IReadOnlyList<MercedesDealerAddress>? DealerAddresses { get; init; }
}

/// <summary>A dealer showroom location of a used vehicle's record: <c>{location:{lat, lng, dist}}</c>, numbers sent as strings.</summary>
[NestedRecord]
public sealed class MercedesDealerAddress
{
    [Path("location.lat")]
    public double? Latitude { get; init; }

    [Path("location.lng")]
    public double? Longitude { get; init; }

    /// <summary>Miles from the searched zip code, one decimal (<c>"12.3"</c>).</summary>
    [Path("location.dist")]
    public double? Distance { get; init; }
}
