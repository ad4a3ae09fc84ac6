using System.Text.Json.Serialization;
using Ingest.Benchmarks.Pocos.Converters;

namespace Ingest.Benchmarks.Pocos;

/// <summary>
/// One upstream vehicle as a System.Text.Json POCO: the fields the Stellantis entity reads, typed the way the
/// entity coerces them, with converters where the upstream spells values loosely (prices and MPG as formatted
/// strings, flags as <c>Y</c>/<c>N</c> or booleans, US dates). Fields the entity does not read (incentives) are
/// left out and skipped by the deserializer.
/// </summary>
public sealed class VehicleRecord
{
    public string? Vin { get; set; }
    public int? ModelYear { get; set; }
    public string? VehicleDesc { get; set; }
    public string? Brand { get; set; }
    public string? Ccode { get; set; }
    public string? Llp { get; set; }
    public string? StatusCode { get; set; }
    public string? DealerCode { get; set; }
    public string? DealerZipCode { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? EngineDesc { get; set; }
    public string? EngineCode { get; set; }
    public string? TransmissionDesc { get; set; }
    public string? TransmissionCode { get; set; }
    public string? ExteriorColorDesc { get; set; }
    public string? ExteriorColorCode { get; set; }
    public string? ExteriorColorHex { get; set; }
    public string? InteriorColorDesc { get; set; }
    public string? InteriorColorCode { get; set; }
    public string? InteriorFabric { get; set; }
    public List<string>? Options { get; set; }
    public VehiclePrice? Price { get; set; }
    public NameValueList? Attributes { get; set; }
    public NameValueList? Specs { get; set; }
    public string? ExtImage { get; set; }
    public string? IntImage { get; set; }
    public VehicleMatch? Match { get; set; }
    public MackevisionData? MackevisionData { get; set; }
    public string? AssumedModelYearCode { get; set; }
    public string? StockNumber { get; set; }
    public double? Distance { get; set; }

    [JsonConverter(typeof(FlagConverter))]
    public bool? InTransit { get; set; }

    public string? InventoryStatus { get; set; }
    public string? ModelCode { get; set; }
    public string? Cpp { get; set; }
    public int? Mileage { get; set; }

    [JsonConverter(typeof(FormattedInt32Converter))]
    public int? CityMpg { get; set; }

    [JsonConverter(typeof(FormattedInt32Converter))]
    public int? HighwayMpg { get; set; }

    [JsonConverter(typeof(FormattedInt32Converter))]
    public int? Horsepower { get; set; }

    [JsonConverter(typeof(FormattedInt32Converter))]
    public int? Torque { get; set; }

    [JsonConverter(typeof(FormattedInt32Converter))]
    public int? TowingCapacity { get; set; }

    public decimal? Wheelbase { get; set; }
    public int? EvRange { get; set; }
    public string? BodyStyle { get; set; }
    public string? FuelType { get; set; }
    public string? TrimDesc { get; set; }
    public string? ModelDesc { get; set; }
    public string? PackageDesc { get; set; }
    public string? WarrantyDesc { get; set; }
    public string? DealerNotes { get; set; }
    public string? VdpUrl { get; set; }
    public DateOnly? DateInStock { get; set; }

    [JsonConverter(typeof(FlexibleDateConverter))]
    public DateOnly? EstimatedDeliveryDate { get; set; }

    [JsonConverter(typeof(FlexibleDateConverter))]
    public DateOnly? ProductionDate { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    [JsonConverter(typeof(FlagConverter))]
    public bool? IsDemo { get; set; }

    [JsonConverter(typeof(FlagConverter))]
    public bool? HasOnlinePrice { get; set; }
}
