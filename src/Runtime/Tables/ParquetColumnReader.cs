using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using ArrowField = Apache.Arrow.Field;
using ParquetField = Parquet.Schema.Field;

namespace Ingest.Tables;

/// <summary>
/// Reads one column of one row group into an Arrow array: values and levels come out of Parquet.Net as flat
/// buffers (<see cref="ParquetRowGroupReader.ReadRawAsync{T}"/>), and the Arrow validity, offsets and values are
/// built from them in one pass, with no object per row.
/// </summary>
internal static class ParquetColumnReader
{
    public static async ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, ParquetField field, ArrowField arrowField, int rows, CancellationToken cancellationToken)
    {
        bool isList = field is ListField;
        DataField leaf = field is ListField list ? (DataField)list.Item : (DataField)field;
        IArrowType leafType = arrowField.DataType is ListType listType ? listType.ValueDataType : arrowField.DataType;
        int levels = checked((int)(rowGroup.GetMetadata(leaf)?.MetaData?.NumValues ?? throw new InvalidDataException($"Column {leaf.Path} is missing from the file.")));
        int[]? definitions = leaf.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(levels, 1)) : null;
        int[]? repetitions = leaf.MaxRepetitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(levels, 1)) : null;
        try
        {
            var column = new LeafColumn(leaf, levels, definitions, repetitions);
            ArrayData items = leafType switch
            {
                StringType => await ReadStringsAsync(rowGroup, column, cancellationToken).ConfigureAwait(false),
                BinaryType => await ReadBinaryAsync(rowGroup, column, cancellationToken).ConfigureAwait(false),
                BooleanType => await ReadBooleansAsync(rowGroup, column, cancellationToken).ConfigureAwait(false),
                Int32Type => await ReadFixedAsync<int, int, IdentityConverter<int>>(rowGroup, column, leafType, default, cancellationToken).ConfigureAwait(false),
                Int64Type => await ReadFixedAsync<long, long, IdentityConverter<long>>(rowGroup, column, leafType, default, cancellationToken).ConfigureAwait(false),
                DoubleType => await ReadFixedAsync<double, double, IdentityConverter<double>>(rowGroup, column, leafType, default, cancellationToken).ConfigureAwait(false),
                Date32Type => await ReadFixedAsync<int, DateOnly, DateConverter>(rowGroup, column, leafType, default, cancellationToken).ConfigureAwait(false),
                TimestampType => await ReadFixedAsync<long, DateTime, TimestampConverter>(rowGroup, column, leafType, default, cancellationToken).ConfigureAwait(false),
                Decimal128Type d => await ReadFixedAsync<Int128, decimal, DecimalConverter>(rowGroup, column, leafType, new DecimalConverter(d.Scale, arrowField.Name), cancellationToken).ConfigureAwait(false),
                _ => throw new NotSupportedException($"Column {arrowField.Name}: {leafType.Name} is not read by the table store."),
            };
            ArrayData data = isList ? BuildList((ListType)arrowField.DataType, items, column, rows) : items;
            return ArrowArrayFactory.BuildArray(data);
        }
        finally
        {
            if (definitions is not null) ArrayPool<int>.Shared.Return(definitions);
            if (repetitions is not null) ArrayPool<int>.Shared.Return(repetitions);
        }
    }

    /// <summary>A leaf's levels. A level entry is a value slot (an Arrow row, or a list element) when its definition
    /// level reaches <see cref="SlotLevel"/>, and the slot holds a value when it reaches the maximum.</summary>
    private readonly record struct LeafColumn(DataField Leaf, int Levels, int[]? Definitions, int[]? Repetitions)
    {
        public int MaxLevel => Leaf.MaxDefinitionLevel;

        public int SlotLevel => Leaf.IsNullable ? MaxLevel - 1 : MaxLevel;

        public Memory<int>? DefinitionMemory => Definitions?.AsMemory(0, Levels);

        public Memory<int>? RepetitionMemory => Repetitions?.AsMemory(0, Levels);

        public int CountSlots()
        {
            if (Definitions is null) return Levels;
            int slots = 0;
            int slotLevel = SlotLevel;
            foreach (int level in Definitions.AsSpan(0, Levels)) if (level >= slotLevel) slots++;
            return slots;
        }
    }

    private static async ValueTask<ArrayData> ReadFixedAsync<TArrow, TParquet, TConverter>(ParquetRowGroupReader rowGroup, LeafColumn column, IArrowType type, TConverter converter, CancellationToken cancellationToken)
        where TArrow : unmanaged
        where TParquet : struct
        where TConverter : struct, IValueConverter<TArrow, TParquet>
    {
        TParquet[] values = ArrayPool<TParquet>.Shared.Rent(Math.Max(column.Levels, 1));
        try
        {
            await rowGroup.ReadRawAsync(column.Leaf, values.AsMemory(0, column.Levels), column.DefinitionMemory, column.RepetitionMemory, cancellationToken).ConfigureAwait(false);
            int slots = column.CountSlots();
            byte[] valueBytes = new byte[slots * Marshal.SizeOf<TArrow>()];
            byte[] validity = new byte[(slots + 7) / 8];
            int nulls = ForEachSlot(column, validity, (slot, value) => MemoryMarshal.Cast<byte, TArrow>(valueBytes.AsSpan())[slot] = converter.ToArrow(values[value]));
            return new ArrayData(type, slots, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(valueBytes)]);
        }
        finally
        {
            ArrayPool<TParquet>.Shared.Return(values);
        }
    }

    private static async ValueTask<ArrayData> ReadBooleansAsync(ParquetRowGroupReader rowGroup, LeafColumn column, CancellationToken cancellationToken)
    {
        bool[] values = ArrayPool<bool>.Shared.Rent(Math.Max(column.Levels, 1));
        try
        {
            await rowGroup.ReadRawAsync(column.Leaf, values.AsMemory(0, column.Levels), column.DefinitionMemory, column.RepetitionMemory, cancellationToken).ConfigureAwait(false);
            int slots = column.CountSlots();
            byte[] bits = new byte[(slots + 7) / 8];
            byte[] validity = new byte[(slots + 7) / 8];
            int nulls = ForEachSlot(column, validity, (slot, value) => { if (values[value]) SetBit(bits, slot); });
            return new ArrayData(BooleanType.Default, slots, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(bits)]);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(values);
        }
    }

    private static async ValueTask<ArrayData> ReadStringsAsync(ParquetRowGroupReader rowGroup, LeafColumn column, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<char>[] values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(Math.Max(column.Levels, 1));
        try
        {
            await rowGroup.ReadRawAsync(column.Leaf, values.AsMemory(0, column.Levels), column.DefinitionMemory, column.RepetitionMemory, cancellationToken).ConfigureAwait(false);
            int slots = column.CountSlots();
            int[] offsets = new int[slots + 1];
            byte[] validity = new byte[(slots + 7) / 8];
            int totalBytes = 0;
            int nulls = ForEachSlot(column, validity, (slot, value) => totalBytes += Encoding.UTF8.GetByteCount(values[value].Span));
            byte[] bytes = new byte[totalBytes];
            int position = 0;
            int previousSlot = 0;
            ForEachSlot(column, validity, (slot, value) =>
            {
                for (; previousSlot <= slot; previousSlot++) offsets[previousSlot] = position;
                position += Encoding.UTF8.GetBytes(values[value].Span, bytes.AsSpan(position));
            });
            for (; previousSlot <= slots; previousSlot++) offsets[previousSlot] = position;
            return new ArrayData(StringType.Default, slots, nulls, 0,
                [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(bytes)]);
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true);
        }
    }

    private static async ValueTask<ArrayData> ReadBinaryAsync(ParquetRowGroupReader rowGroup, LeafColumn column, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>[] values = ArrayPool<ReadOnlyMemory<byte>>.Shared.Rent(Math.Max(column.Levels, 1));
        try
        {
            await rowGroup.ReadRawAsync(column.Leaf, values.AsMemory(0, column.Levels), column.DefinitionMemory, column.RepetitionMemory, cancellationToken).ConfigureAwait(false);
            int slots = column.CountSlots();
            int[] offsets = new int[slots + 1];
            byte[] validity = new byte[(slots + 7) / 8];
            long totalBytes = 0;
            int nulls = ForEachSlot(column, validity, (slot, value) => totalBytes += values[value].Length);
            byte[] bytes = new byte[checked((int)totalBytes)];
            int position = 0;
            int previousSlot = 0;
            ForEachSlot(column, validity, (slot, value) =>
            {
                for (; previousSlot <= slot; previousSlot++) offsets[previousSlot] = position;
                values[value].Span.CopyTo(bytes.AsSpan(position));
                position += values[value].Length;
            });
            for (; previousSlot <= slots; previousSlot++) offsets[previousSlot] = position;
            return new ArrayData(BinaryType.Default, slots, nulls, 0,
                [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(bytes)]);
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<byte>>.Shared.Return(values, clearArray: true);
        }
    }

    /// <summary>Calls <paramref name="present"/>(slot, value index) for each slot holding a value, marks it valid in
    /// <paramref name="validity"/>, and returns the number of null slots.</summary>
    private static int ForEachSlot(LeafColumn column, byte[] validity, SlotAction present)
    {
        int slot = 0;
        int value = 0;
        int nulls = 0;
        if (column.Definitions is null)
        {
            for (; slot < column.Levels; slot++)
            {
                SetBit(validity, slot);
                present(slot, value++);
            }
            return 0;
        }
        int slotLevel = column.SlotLevel;
        int maxLevel = column.MaxLevel;
        foreach (int level in column.Definitions.AsSpan(0, column.Levels))
        {
            if (level < slotLevel) continue;
            if (level == maxLevel)
            {
                SetBit(validity, slot);
                present(slot, value++);
            }
            else
            {
                nulls++;
            }
            slot++;
        }
        return nulls;
    }

    private delegate void SlotAction(int slot, int value);

    private static ArrayData BuildList(ListType type, ArrayData items, LeafColumn column, int rows)
    {
        int[] offsets = new int[rows + 1];
        byte[] validity = new byte[(rows + 7) / 8];
        int emptyLevel = column.MaxLevel - 1 - (column.Leaf.IsNullable ? 1 : 0);
        int slotLevel = column.SlotLevel;
        int row = -1;
        int itemCount = 0;
        int nulls = 0;
        ReadOnlySpan<int> definitions = column.Definitions.AsSpan(0, column.Levels);
        ReadOnlySpan<int> repetitions = column.Repetitions.AsSpan(0, column.Levels);
        for (int i = 0; i < definitions.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                row++;
                offsets[row] = itemCount;
                if (definitions[i] < emptyLevel) nulls++;
                else SetBit(validity, row);
            }
            if (definitions[i] >= slotLevel) itemCount++;
        }
        if (row + 1 != rows) throw new InvalidDataException($"List column {column.Leaf.Path} has {row + 1} rows; the row group has {rows}.");
        offsets[rows] = itemCount;
        return new ArrayData(type, rows, nulls, 0,
            [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray())], [items]);
    }

    private static void SetBit(byte[] bits, int index) => bits[index >> 3] |= (byte)(1 << (index & 7));
}
