using System.Text.Json;

namespace Ingest.Coercers;

/// <summary>The numeric conversions <see cref="Plain"/> and <see cref="FormattedNumber"/> share.</summary>
internal static class Numbers
{
    public static CoercionResult ToInt32(JsonScalar value, bool formatted, out int result)
    {
        result = 0;
        if (!TryRead(value, formatted, out Utf8Number number, out CoercionResult early)) return early;
        return number.TryToInt32(out result) ? CoercionResult.Value : CoercionResult.Failed;
    }

    public static CoercionResult ToInt64(JsonScalar value, bool formatted, out long result)
    {
        result = 0;
        if (!TryRead(value, formatted, out Utf8Number number, out CoercionResult early)) return early;
        return number.TryToInt64(out result) ? CoercionResult.Value : CoercionResult.Failed;
    }

    public static CoercionResult ToDouble(JsonScalar value, bool formatted, out double result)
    {
        result = 0;
        if (!TryRead(value, formatted, out Utf8Number number, out CoercionResult early)) return early;
        result = number.ToDouble(value.Utf8);
        return CoercionResult.Value;
    }

    public static CoercionResult ToDecimal(JsonScalar value, bool formatted, out decimal result)
    {
        result = 0;
        if (!TryRead(value, formatted, out Utf8Number number, out CoercionResult early)) return early;
        return number.TryToDecimal(value.Utf8, out result) ? CoercionResult.Value : CoercionResult.Failed;
    }

    private static bool TryRead(JsonScalar value, bool formatted, out Utf8Number number, out CoercionResult early)
    {
        number = default;
        early = CoercionResult.Failed;
        if (value.Token is not (JsonTokenType.Number or JsonTokenType.String)) return false;
        if (value.IsString && IsBlank(value.Utf8))
        {
            early = CoercionResult.Null;
            return false;
        }
        return Utf8Number.TryParse(value.Utf8, formatted && value.IsString, out number);
    }

    public static bool IsBlank(ReadOnlySpan<byte> text) => text.Trim((byte)' ').IsEmpty;
}
