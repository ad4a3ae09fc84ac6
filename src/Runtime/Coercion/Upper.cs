namespace Ingest.Coercers;

/// <summary>Upper-cases the text (invariant culture; ASCII without leaving UTF-8).</summary>
public sealed class Upper : IStringCoercer
{
    public static CoercionResult Coerce(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result)
    {
        result = CaseMapping.Map(utf8, scratch, upper: true);
        return CoercionResult.Value;
    }
}
