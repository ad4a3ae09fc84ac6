using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>
/// A list column: int32 offsets into a child column of <typeparamref name="TValues"/>. Append the items to
/// <see cref="Values"/>, then close the row with <see cref="EndList"/>.
/// </summary>
public sealed class ListColumnBuffer<TValues> : ColumnBuffer where TValues : ColumnBuffer
{
    private byte[] _offsets;

    public ListColumnBuffer(TValues values, int capacity) : base(new ListType(new Field("item", values.Type, nullable: true)), capacity)
    {
        Values = values;
        _offsets = Rent((Capacity + 1) * sizeof(int));
        Offset(0) = 0;
    }

    public TValues Values { get; }

    /// <summary>Closes the current row as a list of the items appended to <see cref="Values"/> since the previous row.</summary>
    public void EndList()
    {
        int row = Count;
        EnsureRowCapacity(row);
        Offset(row + 1) = Values.Count;
        Count = row + 1;
    }

    /// <summary>Drops the items appended to <see cref="Values"/> since the previous row (a list that turned out to be bad).</summary>
    public void AbandonList() => Values.Truncate(Offset(Count));

    public override void AppendNull()
    {
        int row = Count;
        EnsureRowCapacity(row);
        Values.Truncate(Offset(row));
        Offset(row + 1) = Offset(row);
        MarkNull(row);
        Count = row + 1;
    }

    protected override ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount)
    {
        var offsets = new ArrowBuffer(_offsets.AsMemory(0, (Count + 1) * sizeof(int)));
        buffers.Adopt(_offsets);
        ArrayData child = Values.Build(buffers);
        var data = new ArrayData(Type, Count, nullCount, 0, [validity, offsets], [child]);
        _offsets = Rent((Capacity + 1) * sizeof(int));
        Offset(0) = 0;
        return data;
    }

    protected override void TruncateValues(int count) => Values.Truncate(Offset(count));

    protected override void GrowValues(int capacity) =>
        _offsets = Regrow(_offsets, (capacity + 1) * sizeof(int), (Count + 1) * sizeof(int));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Offset(int index) =>
        ref Unsafe.Add(ref Unsafe.As<byte, int>(ref MemoryMarshal.GetArrayDataReference(_offsets)), index);
}
