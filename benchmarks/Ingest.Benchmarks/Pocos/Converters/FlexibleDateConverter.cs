using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Benchmarks.Pocos.Converters;

/// <summary>A date sent as ISO 8601 (<c>2026-11-27</c>) or US notation (<c>11/27/2026</c>, <c>3/7/2026</c>).</summary>
public sealed class FlexibleDateConverter : JsonConverter<DateOnly?>
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy"];

    public override DateOnly? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a date string, got {reader.TokenType}.");
        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        if (utf8.Length > 32 || reader.ValueIsEscaped) return Parse(reader.GetString().AsSpan());
        Span<char> chars = stackalloc char[32];
        int length = Encoding.UTF8.GetChars(utf8, chars);
        return Parse(chars[..length]);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly? value, JsonSerializerOptions options)
    {
        if (value is { } date) writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }

    private static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return null;
        return DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date : null;
    }
}
