using System.Text.Json.Serialization;
using Ingest.Benchmarks.Pocos.Converters;

namespace Ingest.Benchmarks.Pocos;

/// <summary><c>price</c>: amounts sent as numbers or as <c>"48,995.00"</c> / <c>"$48,995.00"</c>.</summary>
public sealed class VehiclePrice
{
    [JsonConverter(typeof(FormattedDecimalConverter))]
    public decimal? Msrp { get; set; }

    [JsonConverter(typeof(FormattedDecimalConverter))]
    public decimal? Destination { get; set; }

    [JsonConverter(typeof(FormattedDecimalConverter))]
    public decimal? NetPrice { get; set; }

    [JsonConverter(typeof(FormattedDecimalConverter))]
    public decimal? EmployeePrice { get; set; }

    [JsonConverter(typeof(FormattedDecimalConverter))]
    public decimal? DiscountedPrice { get; set; }
}
