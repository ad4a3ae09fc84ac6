using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Benchmarks.Pocos.Converters;

/// <summary>A flag sent as <c>true</c>/<c>false</c>, <c>"Y"</c>/<c>"N"</c>, <c>"yes"</c>/<c>"no"</c> or <c>1</c>/<c>0</c>.</summary>
public sealed class FlagConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String or JsonTokenType.Number:
                ReadOnlySpan<byte> text = reader.ValueSpan.Trim((byte)' ');
                if (text.IsEmpty) return null;
                if (IsAny(text, "y"u8, "yes"u8, "true"u8, "1"u8, "t"u8)) return true;
                if (IsAny(text, "n"u8, "no"u8, "false"u8, "0"u8, "f"u8)) return false;
                return null;
            default:
                throw new JsonException($"Expected a flag, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } flag) writer.WriteBooleanValue(flag);
        else writer.WriteNullValue();
    }

    private static bool IsAny(ReadOnlySpan<byte> text, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, ReadOnlySpan<byte> e) =>
        Ascii.EqualsIgnoreCase(text, a) || Ascii.EqualsIgnoreCase(text, b) || Ascii.EqualsIgnoreCase(text, c)
        || Ascii.EqualsIgnoreCase(text, d) || Ascii.EqualsIgnoreCase(text, e);
}
