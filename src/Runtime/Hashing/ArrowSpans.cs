using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Ingest.Hashing;

/// <summary>Typed views of an Arrow array's buffers, with the array's offset applied to values and offsets.</summary>
internal static class ArrowSpans
{
    /// <summary>The fixed-width values of <paramref name="data"/>, from its first row.</summary>
    public static ReadOnlySpan<T> Values<T>(ArrayData data) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span).Slice(data.Offset, data.Length);

    /// <summary>The <c>Length + 1</c> offsets of a string or list array, from its first row.</summary>
    public static ReadOnlySpan<int> Offsets(ArrayData data) =>
        MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(data.Offset, data.Length + 1);

    /// <summary>The validity bitmap, or empty when the array has no nulls (then every row is valid).</summary>
    public static ReadOnlySpan<byte> Validity(ArrayData data) =>
        data.NullCount == 0 ? default : data.Buffers[0].Span;

    /// <summary>Whether row <paramref name="index"/> (counted from the buffer's start) is valid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(ReadOnlySpan<byte> validity, int index) =>
        validity.IsEmpty || (validity[index >> 3] & (1 << (index & 7))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Bit(ReadOnlySpan<byte> bits, int index) => (bits[index >> 3] & (1 << (index & 7))) != 0;
}
