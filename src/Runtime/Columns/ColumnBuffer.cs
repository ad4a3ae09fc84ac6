using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>
/// A growing Arrow column: the type's own buffers, on pooled arrays that become the Arrow array's buffers without a
/// copy when the batch is built, and its nulls. Rows are appended in order; every row gets exactly one value or a null.
/// </summary>
/// <remarks>
/// Nulls are the exception (about one value in ten), so the buffer marks them, not the values: a set bit per null
/// row, and nothing to do for a value. The Arrow validity bitmap is their complement, made when the batch is built,
/// and only for a column that has a null (without one, Arrow needs no bitmap at all).
/// </remarks>
public abstract class ColumnBuffer
{
    private byte[] _nulls; // bit i set: row i is null; zero beyond Count
    private int _nullCount;

    protected ColumnBuffer(IArrowType type, int capacity)
    {
        Type = type;
        Capacity = Math.Max(capacity, 8);
        _nulls = RentCleared((Capacity + 7) / 8);
    }

    public IArrowType Type { get; }

    /// <summary>Rows appended since the last build.</summary>
    public int Count { get; protected set; }

    public int NullCount => _nullCount;

    protected int Capacity { get; private set; }

    public abstract void AppendNull();

    /// <summary>Builds the Arrow array over the buffers (ownership moves to <paramref name="buffers"/>) and starts afresh.</summary>
    public ArrayData Build(BatchBuffers buffers)
    {
        ArrowBuffer validity = ArrowBuffer.Empty;
        if (_nullCount > 0)
        {
            int bytes = (Count + 7) / 8;
            byte[] bitmap = Rent(bytes);
            Span<byte> nulls = _nulls.AsSpan(0, bytes);
            for (int i = 0; i < nulls.Length; i++) bitmap[i] = (byte)~nulls[i];
            nulls.Clear();
            validity = new ArrowBuffer(bitmap.AsMemory(0, bytes));
            buffers.Adopt(bitmap);
        }
        ArrayData data = BuildData(buffers, validity, _nullCount);
        Count = 0;
        _nullCount = 0;
        return data;
    }

    /// <summary>Drops rows from <paramref name="count"/> on: the rows of a page that turned out not to be valid JSON.</summary>
    public void Truncate(int count)
    {
        // Even with no row to drop, the values go back to the last row: a page can break off inside a list (or a
        // struct's fields) whose row was never closed, and its items must not join the next row's.
        if (count > Count) count = Count;
        for (int i = count; i < Count; i++)
        {
            ref byte bits = ref _nulls[i >> 3];
            if ((bits & (1 << (i & 7))) == 0) continue;
            bits &= (byte)~(1 << (i & 7)); // the row will be appended again
            _nullCount--;
        }
        TruncateValues(count);
        Count = count;
    }

    protected abstract ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount);

    protected abstract void TruncateValues(int count);

    /// <summary>Called when the rows outgrow the capacity: the subclass grows its value buffers to <paramref name="capacity"/>.</summary>
    protected abstract void GrowValues(int capacity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void EnsureRowCapacity(int row)
    {
        if (row >= Capacity) GrowRows();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowRows()
    {
        int capacity = Capacity * 2;
        int used = (Count + 7) / 8;
        _nulls = Regrow(_nulls, (capacity + 7) / 8, used);
        _nulls.AsSpan(used).Clear();
        GrowValues(capacity);
        Capacity = capacity;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void MarkNull(int row)
    {
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_nulls), row >> 3) |= (byte)(1 << (row & 7));
        _nullCount++;
    }

    protected static byte[] Rent(int bytes) => ColumnBufferPool.Rent(bytes);

    private static byte[] RentCleared(int bytes)
    {
        byte[] array = Rent(bytes);
        array.AsSpan().Clear();
        return array;
    }

    /// <summary>A bigger pooled array holding the first <paramref name="used"/> bytes of <paramref name="array"/>.</summary>
    protected static byte[] Regrow(byte[] array, int bytes, int used)
    {
        if (bytes <= array.Length) return array;
        byte[] bigger = Rent((int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)bytes), System.Array.MaxLength));
        array.AsSpan(0, used).CopyTo(bigger);
        ColumnBufferPool.Return(array);
        return bigger;
    }
}
