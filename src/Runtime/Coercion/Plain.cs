using System.Text.Json;

namespace Ingest.Coercers;

/// <summary>
/// The coercion a property gets when it declares none: JSON numbers, and strings that hold a plain number
/// (<c>"285"</c>, <c>"-1.5e3"</c>), for numeric columns; <c>true</c>/<c>false</c> (also as strings) for bool;
/// ISO 8601 for dates and timestamps. An empty string is null, not a failure.
/// </summary>
public sealed class Plain :
    ICoercer<int>, ICoercer<long>, ICoercer<double>, ICoercer<decimal>,
    ICoercer<bool>, ICoercer<DateOnly>, ICoercer<DateTimeOffset>
{
    public static CoercionResult Coerce(JsonScalar value, out int result)
    {
        result = 0;
        if (value.IsNumber && Utf8Number.TryParseSmallInteger(value.Utf8, out long small) && small is >= int.MinValue and <= int.MaxValue)
        {
            result = (int)small;
            return CoercionResult.Value;
        }
        return Numbers.ToInt32(value, formatted: false, out result);
    }

    public static CoercionResult Coerce(JsonScalar value, out long result)
    {
        if (value.IsNumber && Utf8Number.TryParseSmallInteger(value.Utf8, out result)) return CoercionResult.Value;
        return Numbers.ToInt64(value, formatted: false, out result);
    }

    public static CoercionResult Coerce(JsonScalar value, out double result) => Numbers.ToDouble(value, formatted: false, out result);

    public static CoercionResult Coerce(JsonScalar value, out decimal result) => Numbers.ToDecimal(value, formatted: false, out result);

    public static CoercionResult Coerce(JsonScalar value, out bool result)
    {
        result = value.Token == JsonTokenType.True;
        if (value.Token is JsonTokenType.True or JsonTokenType.False) return CoercionResult.Value;
        if (!value.IsString) return CoercionResult.Failed;
        ReadOnlySpan<byte> text = value.Utf8.Trim((byte)' ');
        if (text.IsEmpty) return CoercionResult.Null;
        if (System.Text.Ascii.EqualsIgnoreCase(text, "true"u8)) { result = true; return CoercionResult.Value; }
        if (System.Text.Ascii.EqualsIgnoreCase(text, "false"u8)) { result = false; return CoercionResult.Value; }
        return CoercionResult.Failed;
    }

    public static CoercionResult Coerce(JsonScalar value, out DateOnly result) => Dates.ToDate(value, usFormats: false, out result);

    public static CoercionResult Coerce(JsonScalar value, out DateTimeOffset result) => Dates.ToTimestamp(value, usFormats: false, out result);
}
