using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Ingest.Transforms;

/// <summary>
/// A <see cref="StringArray"/>'s rows as UTF-8 spans, without allocating a string. The offsets, bytes and validity
/// bits are looked up once, not per row (<see cref="BinaryArray.GetBytes(int)"/> builds its spans again for each).
/// </summary>
internal readonly ref struct Utf8Rows
{
    private readonly ReadOnlySpan<int> _offsets;
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly ReadOnlySpan<byte> _validity;
    private readonly int _bitOffset;

    public Utf8Rows(StringArray array)
    {
        _offsets = array.ValueOffsets; // already sliced to the array's offset, Length + 1 entries
        _bytes = array.ValueBuffer.Span;
        _validity = array.NullCount == 0 ? default : array.NullBitmapBuffer.Span;
        _bitOffset = array.Offset;
        Length = array.Length;
    }

    public int Length { get; }

    /// <summary>Row <paramref name="row"/>'s bytes; false (and empty) when the row is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int row, out ReadOnlySpan<byte> utf8)
    {
        if (!_validity.IsEmpty)
        {
            int bit = row + _bitOffset;
            if ((_validity[bit >> 3] & (1 << (bit & 7))) == 0)
            {
                utf8 = default;
                return false;
            }
        }
        utf8 = _bytes[_offsets[row].._offsets[row + 1]];
        return true;
    }
}
