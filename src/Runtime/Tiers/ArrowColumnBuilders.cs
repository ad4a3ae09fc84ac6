using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>
/// Column-wise builders for the tiers' own small tables (raw pages, quarantine): values appended into growable
/// buffers, wrapped as Arrow arrays without the stock builders. Constants are broadcast (<see cref="Constant(string, int)"/>),
/// never repeated through a row object. Built arrays own fresh arrays, except the value bytes of a
/// <see cref="VariableWidthColumn"/> (see there); the builder is then cleared for reuse.
/// </summary>
internal static class ArrowColumns
{
    /// <summary>A utf8 column of <paramref name="rows"/> copies of one value (offsets stride by its length).</summary>
    public static StringArray Constant(string value, int rows)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        byte[] bytes = new byte[utf8.Length * rows];
        int[] offsets = new int[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            utf8.CopyTo(bytes.AsSpan(i * utf8.Length));
            offsets[i + 1] = (i + 1) * utf8.Length;
        }
        return new StringArray(new ArrayData(StringType.Default, rows, 0, 0,
            [ArrowBuffer.Empty, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(bytes)]));
    }

    /// <summary>A date32 column of <paramref name="rows"/> copies of one date.</summary>
    public static Date32Array Constant(DateOnly value, int rows)
    {
        int[] days = new int[rows];
        days.AsSpan().Fill(value.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        return new Date32Array(new ArrayData(Date32Type.Default, rows, 0, 0,
            [ArrowBuffer.Empty, new ArrowBuffer(MemoryMarshal.AsBytes(days.AsSpan()).ToArray())]));
    }

    /// <summary>A date32 column of <paramref name="days"/> (days since 1970-01-01), none null.</summary>
    public static Date32Array Dates(int[] days) =>
        new(new ArrayData(Date32Type.Default, days.Length, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(MemoryMarshal.AsBytes(days.AsSpan()).ToArray())]));

    /// <summary>A bool column of <paramref name="rows"/> copies of one value.</summary>
    public static BooleanArray Constant(bool value, int rows)
    {
        byte[] bits = new byte[(rows + 7) / 8];
        if (value) bits.AsSpan().Fill(0xFF);
        return new BooleanArray(new ArrayData(BooleanType.Default, rows, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(bits)]));
    }

    /// <summary>
    /// A column of <paramref name="rows"/> nulls of <paramref name="type"/> (zeroed values, validity all clear): what a
    /// column that a table's older partitions lack reads as. A struct's children are all-null columns of as many rows
    /// (Arrow wants a child for every slot of its struct); a list's offsets are all zero over an empty child.
    /// </summary>
    public static IArrowArray AllNull(IArrowType type, int rows) => ArrowArrayFactory.BuildArray(NullData(type, rows));

    private static ArrayData NullData(IArrowType type, int rows)
    {
        var validity = new ArrowBuffer(new byte[(rows + 7) / 8]);
        var offsets = new ArrowBuffer(new byte[(rows + 1) * sizeof(int)]);
        return type switch
        {
            StringType or BinaryType => new ArrayData(type, rows, rows, 0, [validity, offsets, ArrowBuffer.Empty]),
            ListType list => new ArrayData(type, rows, rows, 0, [validity, offsets], [NullData(list.ValueDataType, 0)]),
            StructType structType => new ArrayData(type, rows, rows, 0, [validity], [.. structType.Fields.Select(f => NullData(f.DataType, rows))]),
            BooleanType => new ArrayData(type, rows, rows, 0, [validity, new ArrowBuffer(new byte[(rows + 7) / 8])]),
            FixedWidthType fixedWidth => new ArrayData(type, rows, rows, 0, [validity, new ArrowBuffer(new byte[rows * fixedWidth.BitWidth / 8])]),
            _ => throw new NotSupportedException($"A column of Arrow type {type.Name} cannot be filled with nulls here."),
        };
    }
}

/// <summary>
/// A utf8 or binary column being built: offsets, value bytes and validity. A built array shares the value bytes with
/// the column instead of copying them (the raw tier's are page bodies, ~4 MB a batch): it stays valid until the
/// column's next append, so a built batch is written (<see cref="Tables.PartitionWriter.WriteAsync"/> takes what it
/// needs before it returns) before anything more is appended.
/// </summary>
internal sealed class VariableWidthColumn(IArrowType type) : IDisposable
{
    private readonly GrowableBuffer<int> _offsets = Start();
    private readonly GrowableBuffer<byte> _bytes = new(1 << 16);
    private readonly GrowableBuffer<byte> _validity = new();
    private int _nulls;

    public int Length => _offsets.Count - 1;

    public long ByteCount => _bytes.Count;

    public void Append(ReadOnlySpan<byte> value)
    {
        SetValid(Length, true);
        value.CopyTo(_bytes.Append(value.Length));
        _offsets.Add(_bytes.Count);
    }

    public void Append(string value)
    {
        SetValid(Length, true);
        System.Text.Encoding.UTF8.GetBytes(value, _bytes.Append(System.Text.Encoding.UTF8.GetByteCount(value)));
        _offsets.Add(_bytes.Count);
    }

    public void AppendNull()
    {
        SetValid(Length, false);
        _nulls++;
        _offsets.Add(_bytes.Count);
    }

    public IArrowArray Build()
    {
        int rows = Length;
        var data = new ArrayData(type, rows, _nulls, 0,
        [
            _nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity.Span[..((rows + 7) / 8)].ToArray()),
            new ArrowBuffer(MemoryMarshal.AsBytes(_offsets.Span).ToArray()),
            new ArrowBuffer(_bytes.Memory),
        ]);
        return ArrowArrayFactory.BuildArray(data);
    }

    public void Clear()
    {
        _offsets.Clear();
        _offsets.Add(0);
        _bytes.Clear();
        _validity.Clear();
        _nulls = 0;
    }

    public void Dispose()
    {
        _offsets.Dispose();
        _bytes.Dispose();
        _validity.Dispose();
    }

    private static GrowableBuffer<int> Start()
    {
        var offsets = new GrowableBuffer<int>();
        offsets.Add(0);
        return offsets;
    }

    private void SetValid(int row, bool valid)
    {
        int needed = row / 8 + 1;
        while (_validity.Count < needed) _validity.Add(0);
        if (valid) _validity.Span[row >> 3] |= (byte)(1 << (row & 7));
    }
}

/// <summary>A fixed-width column (int32, date32, timestamp as int64) being built, never null.</summary>
internal sealed class FixedWidthColumn<T>(IArrowType type) : IDisposable where T : unmanaged
{
    private readonly GrowableBuffer<T> _values = new();

    public int Length => _values.Count;

    public void Append(T value) => _values.Add(value);

    public IArrowArray Build() =>
        ArrowArrayFactory.BuildArray(new ArrayData(type, _values.Count, 0, 0,
            [ArrowBuffer.Empty, new ArrowBuffer(MemoryMarshal.AsBytes(_values.Span).ToArray())]));

    public void Clear() => _values.Clear();

    public void Dispose() => _values.Dispose();
}
