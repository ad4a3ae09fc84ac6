using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Ingest.Hashing;
using Parquet;
using Parquet.Schema;

namespace Ingest.Tables;

/// <summary>
/// The non-null values of one Parquet leaf column, converted column-wise from Arrow buffers when the row group is
/// written, with the definition level of every slot appended to a shared level buffer. The Arrow data appended
/// must stay alive until <see cref="WriteAsync"/> completes (values may be slices of it); <see cref="Release"/>
/// then gives the buffers back to the pool.
/// </summary>
internal abstract class LeafValues(string column) : IDisposable
{
    protected string Column { get; } = column;


    /// <summary>
    /// Appends slots <paramref name="start"/>..+<paramref name="count"/> of <paramref name="data"/> (logical indexes):
    /// a present value gets <paramref name="presentLevel"/>, a null <paramref name="nullLevel"/>. With
    /// <paramref name="definitions"/> null the column is required and a null is an error.
    /// </summary>
    public abstract void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel);

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken);

    /// <summary>Empties the values and returns their buffers to the pool.</summary>
    public abstract void Release();

    public void Dispose() => Release();

    protected Exception NullInRequired() =>
        new InvalidDataException($"Column {Column} is declared not nullable but the batch has a null in it.");
}

/// <summary>Fixed-width Arrow values (int32, int64, float64, date32, timestamp, decimal128) converted per value.</summary>
internal sealed class FixedWidthValues<TArrow, TParquet, TConverter>(string column, TConverter converter) : LeafValues(column)
    where TArrow : unmanaged
    where TParquet : struct
    where TConverter : struct, IValueConverter<TArrow, TParquet>
{
    private readonly GrowableBuffer<TParquet> _values = new();


    public override void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel)
    {
        ReadOnlySpan<TArrow> source = MemoryMarshal.Cast<byte, TArrow>(data.Buffers[1].Span).Slice(data.Offset + start, count);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        if (validity.IsEmpty)
        {
            Span<TParquet> target = _values.Append(count);
            for (int i = 0; i < source.Length; i++) target[i] = converter.ToParquet(source[i]);
            definitions?.Append(count).Fill(presentLevel);
            return;
        }
        if (definitions is null) throw NullInRequired();
        Span<int> levels = definitions.Append(count);
        int first = data.Offset + start;
        for (int i = 0; i < source.Length; i++)
        {
            if (ArrowSpans.IsValid(validity, first + i))
            {
                _values.Add(converter.ToParquet(source[i]));
                levels[i] = presentLevel;
            }
            else
            {
                levels[i] = nullLevel;
            }
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Release() => _values.Release();
}

/// <summary>Arrow's bit-packed booleans.</summary>
internal sealed class BooleanValues(string column) : LeafValues(column)
{
    private readonly GrowableBuffer<bool> _values = new();


    public override void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel)
    {
        ReadOnlySpan<byte> bits = data.Buffers[1].Span;
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        int first = data.Offset + start;
        if (validity.IsEmpty)
        {
            Span<bool> target = _values.Append(count);
            for (int i = 0; i < count; i++) target[i] = ArrowSpans.Bit(bits, first + i);
            definitions?.Append(count).Fill(presentLevel);
            return;
        }
        if (definitions is null) throw NullInRequired();
        Span<int> levels = definitions.Append(count);
        for (int i = 0; i < count; i++)
        {
            if (ArrowSpans.IsValid(validity, first + i))
            {
                _values.Add(ArrowSpans.Bit(bits, first + i));
                levels[i] = presentLevel;
            }
            else
            {
                levels[i] = nullLevel;
            }
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Release() => _values.Release();
}

/// <summary>
/// UTF-8 strings. Parquet.Net 6 takes strings as <see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>, so values
/// are decoded into char blocks rented from the pool (growing from 4 Ki to 1 Mi chars; one slice per value, no
/// string per value), re-encoded by the writer, and the blocks returned once the column is written.
/// </summary>
internal sealed class StringValues(string column) : LeafValues(column)
{
    private const int FirstBlockChars = 1 << 12;
    private const int MaxBlockChars = 1 << 20;

    private readonly GrowableBuffer<ReadOnlyMemory<char>> _values = new();
    private readonly List<char[]> _blocks = [];
    private int _blockUsed;


    public override void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel)
    {
        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlySpan<byte> bytes = data.Buffers[2].Span;
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        if (!validity.IsEmpty && definitions is null) throw NullInRequired();
        Span<int> levels = definitions is null ? default : definitions.Append(count);
        for (int i = 0; i < count; i++)
        {
            int row = start + i;
            if (!ArrowSpans.IsValid(validity, data.Offset + row))
            {
                levels[i] = nullLevel;
                continue;
            }
            if (!levels.IsEmpty) levels[i] = presentLevel;
            ReadOnlySpan<byte> utf8 = bytes[offsets[row]..offsets[row + 1]];
            char[] block = Reserve(utf8.Length);
            int chars = Encoding.UTF8.GetChars(utf8, block.AsSpan(_blockUsed));
            _values.Add(new ReadOnlyMemory<char>(block, _blockUsed, chars));
            _blockUsed += chars;
        }
    }

    /// <summary>A block with room for <paramref name="maxChars"/> more chars (UTF-8 never decodes to more chars than bytes).</summary>
    private char[] Reserve(int maxChars)
    {
        if (_blocks.Count > 0 && _blocks[^1].Length - _blockUsed >= maxChars) return _blocks[^1];
        int size = _blocks.Count == 0 ? FirstBlockChars : Math.Min(MaxBlockChars, 2 * _blocks[^1].Length);
        _blocks.Add(ArrayPool<char>.Shared.Rent(Math.Max(size, maxChars)));
        _blockUsed = 0;
        return _blocks[^1];
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Release()
    {
        _values.Release();
        foreach (char[] block in _blocks) ArrayPool<char>.Shared.Return(block);
        _blocks.Clear();
        _blockUsed = 0;
    }
}

/// <summary>
/// Binary values. Parquet.Net 6 takes them as <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>: each value is a
/// slice of the Arrow value buffer (no copy; the row group's column keeps it alive until it is written).
/// </summary>
internal sealed class BinaryValues(string column) : LeafValues(column)
{
    private readonly GrowableBuffer<ReadOnlyMemory<byte>> _values = new();

    public override void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel)
    {
        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlyMemory<byte> bytes = data.Buffers[2].Memory;
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        if (!validity.IsEmpty && definitions is null) throw NullInRequired();
        Span<int> levels = definitions is null ? default : definitions.Append(count);
        for (int i = 0; i < count; i++)
        {
            int row = start + i;
            if (!ArrowSpans.IsValid(validity, data.Offset + row))
            {
                levels[i] = nullLevel;
                continue;
            }
            if (!levels.IsEmpty) levels[i] = presentLevel;
            _values.Add(bytes[offsets[row]..offsets[row + 1]]);
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Release() => _values.Release();
}
