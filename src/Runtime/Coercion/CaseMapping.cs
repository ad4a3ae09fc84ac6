using System.Buffers;
using System.Text;

namespace Ingest.Coercers;

/// <summary>Invariant case mapping of UTF-8 text into a scratch buffer, rune by rune past the ASCII fast path.</summary>
internal static class CaseMapping
{
    public static ReadOnlySpan<byte> Map(ReadOnlySpan<byte> utf8, Span<byte> scratch, bool upper)
    {
        if (Ascii.IsValid(utf8))
        {
            int written;
            OperationStatus status = upper ? Ascii.ToUpper(utf8, scratch, out written) : Ascii.ToLower(utf8, scratch, out written);
            return status == OperationStatus.Done ? scratch[..written] : utf8;
        }

        int length = 0;
        ReadOnlySpan<byte> rest = utf8;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out Rune rune, out int consumed) != OperationStatus.Done)
                return utf8; // not valid UTF-8: leave it for the column's validation to report
            Rune mapped = upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune);
            if (!mapped.TryEncodeToUtf8(scratch[length..], out int encoded)) return utf8;
            length += encoded;
            rest = rest[consumed..];
        }
        return scratch[..length];
    }
}
