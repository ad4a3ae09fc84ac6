namespace Ingest.Coercers;

/// <summary>An empty or blank string becomes null. Put it after <see cref="Trim"/> when both apply.</summary>
public sealed class EmptyToNull : IStringCoercer
{
    public static CoercionResult Coerce(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result)
    {
        result = utf8;
        return utf8.Trim((byte)' ').IsEmpty ? CoercionResult.Null : CoercionResult.Value;
    }
}
