namespace Ingest;

/// <summary>
/// Rewrites the UTF-8 text of a string column (trim, case, empty to null). <paramref name="scratch"/> has room for
/// three times the input; the result is a slice of <paramref name="utf8"/> or of <paramref name="scratch"/>.
/// Several string coercers on one property apply in declaration order.
/// </summary>
public interface IStringCoercer
{
    static abstract CoercionResult Coerce(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result);
}
