using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Benchmarks.Pocos.Converters;

/// <summary>A whole number sent as a JSON number or as formatted text (<c>"20 MPG"</c>, <c>"3,500"</c>, <c>"285"</c>).</summary>
public sealed class FormattedInt32Converter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FormattedText.ReadInt32(ref reader);

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } number) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }
}
