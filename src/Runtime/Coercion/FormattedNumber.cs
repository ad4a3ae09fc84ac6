namespace Ingest.Coercers;

/// <summary>
/// Numbers as people format them: <c>"48,995.00"</c>, <c>"$12,345.00"</c>, <c>"285"</c>, <c>"20 MPG"</c>, as well as
/// plain JSON numbers. For int and long the value must be whole (<c>"285.00"</c> is 285; <c>"285.5"</c> fails).
/// </summary>
public sealed class FormattedNumber : ICoercer<int>, ICoercer<long>, ICoercer<double>, ICoercer<decimal>
{
    public static CoercionResult Coerce(JsonScalar value, out int result) => Numbers.ToInt32(value, formatted: true, out result);

    public static CoercionResult Coerce(JsonScalar value, out long result) => Numbers.ToInt64(value, formatted: true, out result);

    public static CoercionResult Coerce(JsonScalar value, out double result) => Numbers.ToDouble(value, formatted: true, out result);

    public static CoercionResult Coerce(JsonScalar value, out decimal result) => Numbers.ToDecimal(value, formatted: true, out result);
}
