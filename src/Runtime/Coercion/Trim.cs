namespace Ingest.Coercers;

/// <summary>Removes leading and trailing white space (ASCII and the no-break space U+00A0).</summary>
public sealed class Trim : IStringCoercer
{
    public static CoercionResult Coerce(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result)
    {
        int start = 0;
        int end = utf8.Length;
        while (start < end && IsSpaceAt(utf8, start, out int width)) start += width;
        while (end > start && IsSpaceBefore(utf8, end, out int width)) end -= width;
        result = utf8[start..end];
        return CoercionResult.Value;
    }

    private static bool IsSpaceAt(ReadOnlySpan<byte> utf8, int i, out int width)
    {
        width = 1;
        byte b = utf8[i];
        if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') return true;
        width = 2;
        return b == 0xC2 && i + 1 < utf8.Length && utf8[i + 1] == 0xA0;
    }

    private static bool IsSpaceBefore(ReadOnlySpan<byte> utf8, int end, out int width)
    {
        width = 1;
        byte b = utf8[end - 1];
        if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') return true;
        width = 2;
        return b == 0xA0 && end >= 2 && utf8[end - 2] == 0xC2;
    }
}
