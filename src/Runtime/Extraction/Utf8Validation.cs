using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Ingest.Extraction;

/// <summary>
/// UTF-8 validation for the per-value hot path. Almost every value upstreams send is short ASCII, for which eight
/// bytes at a time is cheaper than the general validator's setup; anything else goes to <see cref="Utf8.IsValid"/>.
/// </summary>
public static class Utf8Validation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        ref byte start = ref MemoryMarshal.GetReference(utf8);
        int length = utf8.Length;
        if (length >= 16 && Vector128.IsHardwareAccelerated)
        {
            // 16 bytes at a time; the last load overlaps the previous one instead of a byte loop.
            Vector128<byte> high = Vector128.LoadUnsafe(ref start, (nuint)(length - 16));
            for (int offset = 0; offset < length - 16; offset += 16) high |= Vector128.LoadUnsafe(ref start, (nuint)offset);
            return (high & Vector128.Create((byte)0x80)) == Vector128<byte>.Zero || Utf8.IsValid(utf8);
        }
        ulong bits = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) bits |= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
        for (; i < length; i++) bits |= Unsafe.Add(ref start, i);
        return (bits & 0x8080_8080_8080_8080UL) == 0 || Utf8.IsValid(utf8);
    }
}
