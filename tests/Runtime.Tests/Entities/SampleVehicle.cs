using Ingest.Coercers;
using Ingest.Transforms;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>A vehicle declaration that uses every attribute kind and every column type the tests read back.</summary>
[Entity("sample_vehicles", Records = "result.data.vehicles", Key = [nameof(Vin)])]
public sealed partial class SampleVehicle
{
    public string? Vin { get; init; }

    public int? ModelYear { get; init; }

    [Alias("llp"), Column("lower_level_package")]
    public string? LowerLevelPackage { get; init; }

    [Coerce<Trim>, Coerce<Upper>, Coerce<EmptyToNull>]
    public string? VehicleDesc { get; init; }

    [Path("price.msrp"), Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    [Path("price.netPrice"), Coerce<FormattedNumber>]
    public double? NetPrice { get; init; }

    [Coerce<FormattedNumber>]
    public int? Horsepower { get; init; }

    public long? Mileage { get; init; }

    [Coerce<Flag>]
    public bool? InTransit { get; init; }

    [Coerce<FlexibleDate>]
    public DateOnly? ArrivalDate { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string[]? Options { get; init; }

    [Coerce<FormattedNumber>]
    public List<double>? Payments { get; init; }

    [Path("attributes.attributes[typeDesc=Drive].value")]
    public string? Drive { get; init; }

    [Path("specs.attributes[name=Seats].value")]
    public int? Seats { get; init; }

    [Default("N/A")]
    public string? Status { get; init; }

    [Default(0)]
    public int? Doors { get; init; }

    public string? Ccode { get; init; }

    public string? DealerZipCode { get; init; }

    public string? ExtImage { get; init; }

    [Transform<Substring>(nameof(Ccode), "0,9")]
    public string? ModelYearCode { get; init; }

    [Transform<Zip5>(nameof(DealerZipCode))]
    public string? DealerZip5 { get; init; }

    [Transform<UrlTemplate>(nameof(ExtImage), "https://www.jeep.com/mediaserver/iris?{0}&pov=fronthero")]
    public string? ExteriorImageUrl { get; init; }
}
