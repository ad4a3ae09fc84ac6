using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>A utf8 column: int32 offsets and the concatenated UTF-8 bytes.</summary>
public sealed class StringColumnBuffer : ColumnBuffer
{
    private byte[] _offsets;
    private byte[] _data;
    private int _dataLength;

    public StringColumnBuffer(int capacity, int averageLength = 16) : base(StringType.Default, capacity)
    {
        _offsets = Rent((Capacity + 1) * sizeof(int));
        _data = Rent(Capacity * averageLength);
        Offset(0) = 0;
    }

    /// <summary>Bytes of text held since the last build.</summary>
    public int DataLength => _dataLength;

    /// <summary>Appends UTF-8 text; the caller has validated it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<byte> utf8)
    {
        ref byte target = ref Room(utf8.Length);
        if (utf8.Length <= 16) CopySmall(ref MemoryMarshal.GetReference(utf8), ref target, utf8.Length);
        else CopyLarge(ref MemoryMarshal.GetReference(utf8), ref target, utf8.Length);
        CommitReserved(utf8.Length);
    }

    /// <summary>
    /// Appends UTF-8 text after checking that it is valid UTF-8, or appends nothing and returns false. The value is
    /// checked in the same pass as its copy: its bytes are all ASCII when the words or vectors the copy moves have no
    /// high bit, and only text with a byte above 0x7F goes to the general validator.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAppendUtf8(ReadOnlySpan<byte> utf8)
    {
        ref byte target = ref Room(utf8.Length);
        bool ascii = utf8.Length <= 16
            ? (CopySmall(ref MemoryMarshal.GetReference(utf8), ref target, utf8.Length) & 0x8080_8080_8080_8080UL) == 0
            : CopyLarge(ref MemoryMarshal.GetReference(utf8), ref target, utf8.Length);
        if (!ascii && !System.Text.Unicode.Utf8.IsValid(utf8)) return false;
        CommitReserved(utf8.Length);
        return true;
    }

    /// <summary>Where the next <paramref name="length"/> bytes of data go, the data grown to hold them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte Room(int length)
    {
        int end = _dataLength + length;
        if ((uint)end > (uint)_data.Length) GrowData(end);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), _dataLength);
    }

    // Most values are short: two overlapping moves (first and last 8 or 4 bytes) beat a call to memmove, and
    // never touch a byte outside the value.
    // Returns the bits of every word it moved, ORed, so a caller can see whether any byte had its high bit set.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong CopySmall(ref byte source, ref byte target, int length)
    {
        if (length >= 8)
        {
            ulong head = Unsafe.ReadUnaligned<ulong>(ref source);
            ulong tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8));
            Unsafe.WriteUnaligned(ref target, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 8), tail);
            return head | tail;
        }
        if (length >= 4)
        {
            uint head = Unsafe.ReadUnaligned<uint>(ref source);
            uint tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4));
            Unsafe.WriteUnaligned(ref target, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 4), tail);
            return head | tail;
        }
        ulong bytes = 0;
        for (int i = 0; i < length; i++)
        {
            byte b = Unsafe.Add(ref source, i);
            Unsafe.Add(ref target, i) = b;
            bytes |= b;
        }
        return bytes;
    }

    // Longer values (17 bytes and more): a vector at a time, each copied and checked for a high bit in the same pass,
    // the last one overlapping the one before instead of a byte loop; no call to memmove. True when all are ASCII.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CopyLarge(ref byte source, ref byte target, int length)
    {
        if (Vector256.IsHardwareAccelerated && length >= 32)
        {
            Vector256<byte> high = Vector256<byte>.Zero;
            for (int offset = 0; offset < length - 32; offset += 32)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref source, (nuint)offset);
                block.StoreUnsafe(ref target, (nuint)offset);
                high |= block;
            }
            Vector256<byte> last = Vector256.LoadUnsafe(ref source, (nuint)(length - 32));
            last.StoreUnsafe(ref target, (nuint)(length - 32));
            return ((high | last) & Vector256.Create((byte)0x80)) == Vector256<byte>.Zero;
        }
        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> high = Vector128<byte>.Zero;
            for (int offset = 0; offset < length - 16; offset += 16)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref source, (nuint)offset);
                block.StoreUnsafe(ref target, (nuint)offset);
                high |= block;
            }
            Vector128<byte> last = Vector128.LoadUnsafe(ref source, (nuint)(length - 16));
            last.StoreUnsafe(ref target, (nuint)(length - 16));
            return ((high | last) & Vector128.Create((byte)0x80)) == Vector128<byte>.Zero;
        }
        ulong bits = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), word);
            bits |= word;
        }
        for (; i < length; i++)
        {
            byte b = Unsafe.Add(ref source, i);
            Unsafe.Add(ref target, i) = b;
            bits |= b;
        }
        return (bits & 0x8080_8080_8080_8080UL) == 0;
    }

    /// <summary>
    /// Reserves room for up to <paramref name="maxLength"/> bytes at the end of the data, to be filled in place
    /// and then committed with <see cref="CommitReserved"/>: the unescape-and-coerce path writes there directly.
    /// </summary>
    public Span<byte> Reserve(int maxLength) => MemoryMarshal.CreateSpan(ref Room(maxLength), maxLength);

    /// <summary>Makes the next <paramref name="length"/> bytes after the data the value of a new row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CommitReserved(int length)
    {
        int row = Count;
        EnsureRowCapacity(row);
        _dataLength += length;
        Offset(row + 1) = _dataLength;
        Count = row + 1;
    }

    public override void AppendNull()
    {
        int row = Count;
        EnsureRowCapacity(row);
        Offset(row + 1) = _dataLength;
        MarkNull(row);
        Count = row + 1;
    }

    /// <summary>The text of row <paramref name="row"/> appended so far (empty for null).</summary>
    public ReadOnlySpan<byte> ValueAt(int row) => _data.AsSpan(Offset(row), Offset(row + 1) - Offset(row));

    protected override ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount)
    {
        var offsets = new ArrowBuffer(_offsets.AsMemory(0, (Count + 1) * sizeof(int)));
        var data = new ArrowBuffer(_data.AsMemory(0, _dataLength));
        buffers.Adopt(_offsets);
        buffers.Adopt(_data);
        var arrayData = new ArrayData(Type, Count, nullCount, 0, [validity, offsets, data]);
        _offsets = Rent((Capacity + 1) * sizeof(int));
        _data = Rent(_data.Length);
        _dataLength = 0;
        Offset(0) = 0;
        return arrayData;
    }

    protected override void TruncateValues(int count) => _dataLength = Offset(count);

    protected override void GrowValues(int capacity) =>
        _offsets = Regrow(_offsets, (capacity + 1) * sizeof(int), (Count + 1) * sizeof(int));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowData(int needed) => _data = Regrow(_data, Math.Max(needed, _data.Length * 2), _dataLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Offset(int index) =>
        ref Unsafe.Add(ref Unsafe.As<byte, int>(ref MemoryMarshal.GetArrayDataReference(_offsets)), index);
}
