using System.Buffers.Text;
using System.Text.Json;

namespace Ingest.Benchmarks.Pocos.Converters;

/// <summary>
/// The parsing the loose-number converters share: a JSON number as is, or a string such as <c>"48,995.00"</c>,
/// <c>"$48,995.00"</c>, <c>"20 MPG"</c> or <c>"18.5 gal"</c> with the currency sign and thousands commas dropped
/// and a trailing unit ignored. Blank or unreadable text is null.
/// </summary>
internal static class FormattedText
{
    private const int MaxLength = 64;

    public static decimal? ReadDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDecimal();
            case JsonTokenType.String:
                Span<byte> text = stackalloc byte[MaxLength];
                if (!TryCopy(ref reader, text, out int length)) return null;
                return TryParse(text[..length], out decimal value) ? value : null;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"Expected a number or a string, got {reader.TokenType}.");
        }
    }

    public static int? ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int whole)) return whole;
        decimal? value = ReadDecimal(ref reader);
        return value is { } number && decimal.IsInteger(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
    }

    private static bool TryCopy(ref Utf8JsonReader reader, scoped Span<byte> target, out int length)
    {
        length = 0;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> span = reader.ValueSpan;
            if (span.Length > target.Length) return false;
            span.CopyTo(target);
            length = span.Length;
            return true;
        }
        if (reader.HasValueSequence ? reader.ValueSequence.Length > target.Length : reader.ValueSpan.Length > target.Length) return false;
        length = reader.CopyString(target);
        return true;
    }

    // Keeps sign, digits and the decimal point; drops '$' and ','; stops at the unit ("20 MPG").
    private static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        int n = 0;
        bool seenDigit = false;
        foreach (byte b in text)
        {
            if ((uint)(b - '0') <= 9) { digits[n++] = b; seenDigit = true; }
            else if (b == (byte)'.' || (b == (byte)'-' && !seenDigit)) digits[n++] = b;
            else if (b == (byte)',' || b == (byte)'$' || (b == (byte)' ' && !seenDigit)) continue;
            else break;
        }
        value = 0;
        return seenDigit && Utf8Parser.TryParse(digits[..n], out value, out int consumed) && consumed == n;
    }
}
