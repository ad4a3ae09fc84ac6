using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tables;

/// <summary>
/// One column of the row group being built, kept as Arrow keeps it (validity bits, offsets, UTF-8 or fixed-width
/// values, a list's child column, a struct's field columns): each incoming slice is copied into a compact array of
/// its own (exactly sized, so the caller may dispose its batch at once), and <see cref="Segments"/> hands them to the
/// conversion when the row group is written. Strings stay compact UTF-8 until then; <see cref="Release"/> drops the
/// copies.
/// </summary>
/// <remarks>
/// Exact-size arrays rather than one growing buffer per column: no doubling slack, and nothing parked in a shared
/// pool between row groups (the pool keeps what it is given back, so a row group's worth of grown buffers would stay
/// held for the whole stage).
/// </remarks>
internal sealed class ArrowColumnAccumulator
{
    private readonly IArrowType _type;
    private readonly List<ArrayData> _segments = [];

    public ArrowColumnAccumulator(IArrowType type)
    {
        if (type is not (BooleanType or StringType or BinaryType or ListType or StructType or FixedWidthType))
            throw new NotSupportedException($"{SchemaFingerprint.TypeName(type)} is not written by the table store.");
        _type = type;
    }

    public int Length { get; private set; }

    /// <summary>Bytes of Arrow data held for the row group.</summary>
    public long Bytes { get; private set; }

    /// <summary>The slices appended since the last <see cref="Release"/>, in order.</summary>
    public IReadOnlyList<ArrayData> Segments => _segments;

    /// <summary>Copies all of <paramref name="data"/>.</summary>
    public void Append(ArrayData data)
    {
        if (data.Length == 0) return;
        long bytes = 0;
        _segments.Add(Copy(_type, data, 0, data.Length, ref bytes));
        Length += data.Length;
        Bytes += bytes;
    }

    /// <summary>Drops the copies (the arrays go to the garbage collector, not to a pool that would keep them).</summary>
    public void Release()
    {
        _segments.Clear();
        Length = 0;
        Bytes = 0;
    }

    /// <summary>A compact copy of slots <paramref name="start"/>..+<paramref name="count"/> of <paramref name="data"/> (logical indexes), offset 0.</summary>
    private static ArrayData Copy(IArrowType type, ArrayData data, int start, int count, ref long bytes)
    {
        int first = data.Offset + start;
        ReadOnlySpan<byte> sourceValidity = ArrowSpans.Validity(data);
        int nulls = 0;
        ArrowBuffer validity = ArrowBuffer.Empty;
        if (!sourceValidity.IsEmpty)
        {
            byte[] bits = CopyBits(sourceValidity, first, count, out int set);
            nulls = count - set;
            if (nulls > 0)
            {
                validity = new ArrowBuffer(bits);
                bytes += bits.Length;
            }
        }
        switch (type)
        {
            case BooleanType:
            {
                byte[] values = CopyBits(data.Buffers[1].Span, first, count, out _);
                bytes += values.Length;
                return new ArrayData(type, count, nulls, 0, [validity, new ArrowBuffer(values)]);
            }
            case StringType or BinaryType:
            {
                int[] offsets = CopyOffsets(data, first, count, out int from, out int to);
                byte[] values = data.Buffers[2].Span[from..to].ToArray();
                bytes += values.Length + 4L * offsets.Length;
                return new ArrayData(type, count, nulls, 0, [validity, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(values)]);
            }
            case ListType list:
            {
                int[] offsets = CopyOffsets(data, first, count, out int from, out int to);
                ArrayData items = Copy(list.ValueDataType, data.Children[0], from, to - from, ref bytes);
                bytes += 4L * offsets.Length;
                return new ArrayData(type, count, nulls, 0, [validity, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray())], [items]);
            }
            case StructType structType:
            {
                // A struct's offset applies to its fields: its slot i is slot Offset + i of each field (whose own
                // offset the field's copy adds).
                var fields = new ArrayData[structType.Fields.Count];
                for (int f = 0; f < fields.Length; f++) fields[f] = Copy(structType.Fields[f].DataType, data.Children[f], first, count, ref bytes);
                return new ArrayData(type, count, nulls, 0, [validity], fields);
            }
            default:
            {
                int width = ((FixedWidthType)type).BitWidth / 8;
                byte[] values = data.Buffers[1].Span.Slice(first * width, count * width).ToArray();
                bytes += values.Length;
                return new ArrayData(type, count, nulls, 0, [validity, new ArrowBuffer(values)]);
            }
        }
    }

    /// <summary>The <paramref name="count"/> + 1 offsets from slot <paramref name="first"/>, rebased to start at 0.</summary>
    private static int[] CopyOffsets(ArrayData data, int first, int count, out int from, out int to)
    {
        ReadOnlySpan<int> source = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(first, count + 1);
        from = source[0];
        to = source[count];
        var offsets = new int[count + 1];
        for (int i = 0; i <= count; i++) offsets[i] = source[i] - from;
        return offsets;
    }

    private static byte[] CopyBits(ReadOnlySpan<byte> source, int first, int count, out int set)
    {
        var bits = new byte[(count + 7) / 8];
        set = 0;
        if ((first & 7) == 0)
        {
            source.Slice(first >> 3, bits.Length).CopyTo(bits);
            if ((count & 7) != 0) bits[^1] &= (byte)((1 << (count & 7)) - 1);
            foreach (byte b in bits) set += System.Numerics.BitOperations.PopCount(b);
            return bits;
        }
        for (int i = 0; i < count; i++)
        {
            if (ArrowSpans.Bit(source, first + i))
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
                set++;
            }
        }
        return bits;
    }
}
