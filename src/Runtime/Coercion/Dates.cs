namespace Ingest.Coercers;

/// <summary>The date conversions <see cref="Plain"/> and <see cref="FlexibleDate"/> share.</summary>
internal static class Dates
{
    public static CoercionResult ToDate(JsonScalar value, bool usFormats, out DateOnly result)
    {
        result = default;
        if (!value.IsString) return CoercionResult.Failed;
        if (Numbers.IsBlank(value.Utf8)) return CoercionResult.Null;
        return Utf8Date.TryParseDate(value.Utf8, usFormats, out result) ? CoercionResult.Value : CoercionResult.Failed;
    }

    public static CoercionResult ToTimestamp(JsonScalar value, bool usFormats, out DateTimeOffset result)
    {
        result = default;
        if (!value.IsString) return CoercionResult.Failed;
        if (Numbers.IsBlank(value.Utf8)) return CoercionResult.Null;
        return Utf8Date.TryParseTimestamp(value.Utf8, usFormats, out result) ? CoercionResult.Value : CoercionResult.Failed;
    }
}
