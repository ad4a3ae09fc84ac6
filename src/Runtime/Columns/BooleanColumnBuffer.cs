using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>A boolean column: values are bits, like the validity.</summary>
public sealed class BooleanColumnBuffer : ColumnBuffer
{
    private byte[] _bits;

    public BooleanColumnBuffer(int capacity) : base(BooleanType.Default, capacity)
    {
        _bits = Rent((Capacity + 7) / 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool value)
    {
        int row = Count;
        EnsureRowCapacity(row);
        SetBit(row, value);
        Count = row + 1;
    }

    public override void AppendNull()
    {
        int row = Count;
        EnsureRowCapacity(row);
        SetBit(row, false);
        MarkNull(row);
        Count = row + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetBit(int row, bool value)
    {
        ref byte bits = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bits), row >> 3);
        int bit = row & 7;
        int flag = value ? 1 << bit : 0;
        bits = bit == 0 ? (byte)flag : (byte)((bits & ~(1 << bit)) | flag);
    }

    protected override ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount)
    {
        var values = new ArrowBuffer(_bits.AsMemory(0, (Count + 7) / 8));
        buffers.Adopt(_bits);
        var data = new ArrayData(Type, Count, nullCount, 0, [validity, values]);
        _bits = Rent((Capacity + 7) / 8);
        return data;
    }

    protected override void TruncateValues(int count)
    {
    }

    protected override void GrowValues(int capacity) => _bits = Regrow(_bits, (capacity + 7) / 8, (Count + 7) / 8);
}
