namespace Ingest.Coercers;

/// <summary>
/// Dates and timestamps in ISO 8601 or US notation: <c>"2025-10-03"</c>, <c>"10/03/2025"</c>, <c>"3/7/2025"</c>,
/// <c>"10/03/2025 14:05"</c>. Timestamps without an offset are UTC.
/// </summary>
public sealed class FlexibleDate : ICoercer<DateOnly>, ICoercer<DateTimeOffset>
{
    public static CoercionResult Coerce(JsonScalar value, out DateOnly result) => Dates.ToDate(value, usFormats: true, out result);

    public static CoercionResult Coerce(JsonScalar value, out DateTimeOffset result) => Dates.ToTimestamp(value, usFormats: true, out result);
}
