using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>A fixed-width column (int32, int64, double, date32, timestamp, decimal128) over one value buffer.</summary>
public class PrimitiveColumnBuffer<T> : ColumnBuffer where T : unmanaged
{
    private byte[] _values;

    public PrimitiveColumnBuffer(IArrowType type, int capacity) : base(type, capacity)
    {
        _values = Rent(Capacity * Unsafe.SizeOf<T>());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T value)
    {
        int row = Count;
        EnsureRowCapacity(row);
        Unsafe.Add(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(_values)), row) = value;
        Count = row + 1;
    }

    public override void AppendNull()
    {
        int row = Count;
        EnsureRowCapacity(row);
        Unsafe.Add(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(_values)), row) = default;
        MarkNull(row);
        Count = row + 1;
    }

    /// <summary>The values appended so far (nulls read as default).</summary>
    public ReadOnlySpan<T> Values => MemoryMarshal.Cast<byte, T>(_values.AsSpan(0, Count * Unsafe.SizeOf<T>()));

    protected override ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount)
    {
        var values = new ArrowBuffer(_values.AsMemory(0, Count * Unsafe.SizeOf<T>()));
        buffers.Adopt(_values);
        var data = new ArrayData(Type, Count, nullCount, 0, [validity, values]);
        _values = Rent(Capacity * Unsafe.SizeOf<T>());
        return data;
    }

    protected override void TruncateValues(int count)
    {
    }

    protected override void GrowValues(int capacity) =>
        _values = Regrow(_values, capacity * Unsafe.SizeOf<T>(), Count * Unsafe.SizeOf<T>());
}
