using Ingest.Coercers;
using Ingest.Transforms;

namespace Ingest.Entities.Stellantis;

/// <summary>
/// A vehicle of the Stellantis public inventory API (<c>/hostd/inventory/getinventoryresults.json</c>): every field of
/// the upstream record as a column. Prices arrive as numbers or formatted strings, flags as <c>Y</c>/<c>N</c> or
/// booleans, dates as ISO or US strings; the name/value lists <c>attributes</c> and <c>specs</c> become flat columns.
/// </summary>
/// <remarks>
/// Not extracted: <c>incentives</c>, a list of <c>{programId, name, amount, expires}</c> objects (0 to 3 per vehicle),
/// which the simulator adds to the fields seen upstream. It would read as a list of structs (a <c>[NestedRecord]</c>
/// <c>Incentive</c> and an <c>IReadOnlyList&lt;Incentive&gt;</c> property); it stays out of this entity because its 73
/// columns are the extraction benchmark's workload, which the other contenders reproduce column for column. The
/// extraction report lists <c>incentives</c> as an unknown field; <see cref="NetPrice"/> already has the incentives
/// subtracted.
/// </remarks>
[Entity("stellantis_inventory", Records = "result.data.vehicles", Key = [nameof(Vin)])]
public sealed partial class StellantisVehicle
{
    [Coerce<Trim>, Coerce<Upper>]
    public string? Vin { get; init; }

    public int? ModelYear { get; init; }

    [Coerce<Trim>]
    public string? VehicleDesc { get; init; }

    public string? Brand { get; init; }

    public string? Ccode { get; init; }

    [Alias("llp")]
    public string? LowerLevelPackage { get; init; }

    public string? StatusCode { get; init; }

    /// <summary>Kept as text: dealer codes have meaningful leading zeros (<c>08564</c>).</summary>
    public string? DealerCode { get; init; }

    public string? DealerZipCode { get; init; }

    [Alias("lat")]
    public double? Latitude { get; init; }

    [Alias("lon")]
    public double? Longitude { get; init; }

    public string? EngineDesc { get; init; }

    public string? EngineCode { get; init; }

    public string? TransmissionDesc { get; init; }

    public string? TransmissionCode { get; init; }

    public string? ExteriorColorDesc { get; init; }

    public string? ExteriorColorCode { get; init; }

    public string? ExteriorColorHex { get; init; }

    public string? InteriorColorDesc { get; init; }

    public string? InteriorColorCode { get; init; }

    public string? InteriorFabric { get; init; }

    public string[]? Options { get; init; }

    [Path("price.msrp"), Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    [Path("price.destination"), Coerce<FormattedNumber>]
    public decimal? Destination { get; init; }

    [Path("price.netPrice"), Coerce<FormattedNumber>]
    public decimal? NetPrice { get; init; }

    [Path("price.employeePrice"), Coerce<FormattedNumber>]
    public decimal? EmployeePrice { get; init; }

    [Path("price.discountedPrice"), Coerce<FormattedNumber>]
    public decimal? DiscountedPrice { get; init; }

    [Path("attributes.attributes[typeDesc=Drive].value")]
    public string? Drive { get; init; }

    [Path("attributes.attributes[typeDesc=Real Trim].value")]
    public string? RealTrim { get; init; }

    [Path("attributes.attributes[typeDesc=Power Source].value")]
    public string? PowerSource { get; init; }

    [Path("attributes.attributes[typeDesc=Doors].value")]
    public int? Doors { get; init; }

    [Path("specs.attributes[name=Seats].value")]
    public int? Seats { get; init; }

    /// <summary>Gallons, sent as <c>"18.5 gal"</c>.</summary>
    [Path("specs.attributes[name=Fuel Capacity].value"), Coerce<FormattedNumber>, Decimal(6, 2)]
    public decimal? FuelCapacity { get; init; }

    public string? ExtImage { get; init; }

    public string? IntImage { get; init; }

    [Path("match.matchLevel")]
    public string? MatchLevel { get; init; }

    [Path("mackevisionData.consumerFamily")]
    public string? ConsumerFamily { get; init; }

    [Path("mackevisionData.ulp")]
    public string? UpperLevelPackage { get; init; }

    [Path("mackevisionData.llp")]
    public string? MackevisionLowerLevelPackage { get; init; }

    public string? AssumedModelYearCode { get; init; }

    public string? StockNumber { get; init; }

    /// <summary>Miles from the searched zip code to the dealer.</summary>
    public double? Distance { get; init; }

    [Coerce<Flag>]
    public bool? InTransit { get; init; }

    public string? InventoryStatus { get; init; }

    public string? ModelCode { get; init; }

    public string? Cpp { get; init; }

    public int? Mileage { get; init; }

    /// <summary>Sent as <c>"20 MPG"</c>.</summary>
    [Coerce<FormattedNumber>]
    public int? CityMpg { get; init; }

    [Coerce<FormattedNumber>]
    public int? HighwayMpg { get; init; }

    [Coerce<FormattedNumber>]
    public int? Horsepower { get; init; }

    [Coerce<FormattedNumber>]
    public int? Torque { get; init; }

    /// <summary>Pounds, sent as <c>"3,500"</c>.</summary>
    [Coerce<FormattedNumber>]
    public int? TowingCapacity { get; init; }

    [Decimal(6, 2)]
    public decimal? Wheelbase { get; init; }

    public int? EvRange { get; init; }

    public string? BodyStyle { get; init; }

    public string? FuelType { get; init; }

    public string? TrimDesc { get; init; }

    public string? ModelDesc { get; init; }

    public string? PackageDesc { get; init; }

    public string? WarrantyDesc { get; init; }

    public string? DealerNotes { get; init; }

    public string? VdpUrl { get; init; }

    public DateOnly? DateInStock { get; init; }

    [Coerce<FlexibleDate>]
    public DateOnly? EstimatedDeliveryDate { get; init; }

    [Coerce<FlexibleDate>]
    public DateOnly? ProductionDate { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    [Coerce<Flag>]
    public bool? IsDemo { get; init; }

    [Coerce<Flag>]
    public bool? HasOnlinePrice { get; init; }

    // ---- Computed over whole columns once a batch is filled ----

    /// <summary>The model-year code is the first nine characters of the ccode (<c>IUJ202510</c>).</summary>
    [Transform<Substring>(nameof(Ccode), "0,9")]
    public string? ModelYearCode { get; init; }

    /// <summary>The six-character model code inside the ccode (<c>JLJL74</c>).</summary>
    [Transform<Substring>(nameof(Ccode), "9,6")]
    public string? CcodeModel { get; init; }

    [Transform<Zip5>(nameof(DealerZipCode))]
    public string? DealerZip5 { get; init; }

    /// <summary>The exterior render from the front, as the brand site shows it.</summary>
    [Transform<UrlTemplate>(nameof(ExtImage), "https://www.jeep.com/mediaserver/iris?{0}&pov=fronthero&width=860&height=484&bkgnd=transparent&resp=png")]
    public string? ExteriorImageUrl { get; init; }

    /// <summary>The interior render: <c>intImage</c> already carries its point of view (<c>&amp;pov=I01</c>).</summary>
    [Transform<UrlTemplate>(nameof(IntImage), "https://www.jeep.com/mediaserver/iris?{0}&width=860&height=484&bkgnd=transparent&resp=png")]
    public string? InteriorImageUrl { get; init; }
}
