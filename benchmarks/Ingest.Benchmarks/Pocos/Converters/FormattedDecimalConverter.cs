using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Benchmarks.Pocos.Converters;

/// <summary>A decimal sent as a JSON number or as formatted text (<c>"$48,995.00"</c>, <c>"18.5 gal"</c>).</summary>
public sealed class FormattedDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FormattedText.ReadDecimal(ref reader);

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } number) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }
}
