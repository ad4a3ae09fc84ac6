namespace Ingest.Coercers;

/// <summary>Lower-cases the text (invariant culture; ASCII without leaving UTF-8).</summary>
public sealed class Lower : IStringCoercer
{
    public static CoercionResult Coerce(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result)
    {
        result = CaseMapping.Map(utf8, scratch, upper: false);
        return CoercionResult.Value;
    }
}
