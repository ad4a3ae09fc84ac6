using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Ingest.Hashing;
using Parquet;
using Parquet.Schema;

namespace Ingest.Tables;

/// <summary>
/// The non-null values of one Parquet leaf column, collected column-wise from Arrow buffers for the row group
/// being built, with the definition level of every slot appended to a shared level buffer.
/// </summary>
internal abstract class LeafValues(string column) : IDisposable
{
    protected string Column { get; } = column;

    /// <summary>Bytes buffered so far, roughly as encoded.</summary>
    public abstract long EstimatedBytes { get; }

    /// <summary>
    /// Appends slots <paramref name="start"/>..+<paramref name="count"/> of <paramref name="data"/> (logical indexes):
    /// a present value gets <paramref name="presentLevel"/>, a null <paramref name="nullLevel"/>. With
    /// <paramref name="definitions"/> null the column is required and a null is an error.
    /// </summary>
    public abstract void Append(ArrayData data, int start, int count, GrowableBuffer<int>? definitions, int presentLevel, int nullLevel);

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken);

    public abstract void Clear();

    public abstract void Dispose();

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

    public override long EstimatedBytes => (long)_values.Count * Marshal.SizeOf<TArrow>();

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

    public override void Clear() => _values.Clear();

    public override void Dispose() => _values.Dispose();
}

/// <summary>Arrow's bit-packed booleans.</summary>
internal sealed class BooleanValues(string column) : LeafValues(column)
{
    private readonly GrowableBuffer<bool> _values = new();

    public override long EstimatedBytes => _values.Count / 8;

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

    public override void Clear() => _values.Clear();

    public override void Dispose() => _values.Dispose();
}

/// <summary>
/// UTF-8 strings. Parquet.Net 6 takes strings as <see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>, so values
/// are decoded into shared char blocks (growing from 4 Ki to 1 Mi chars, kept for the next row group) (one slice per value, no string per value) and re-encoded by the writer.
/// </summary>
internal sealed class StringValues(string column) : LeafValues(column)
{
    private const int FirstBlockChars = 1 << 12;
    private const int MaxBlockChars = 1 << 20;

    private readonly GrowableBuffer<ReadOnlyMemory<char>> _values = new();
    private readonly List<char[]> _blocks = [];
    private int _blockIndex = -1;
    private int _blockUsed;
    private long _bytes;

    public override long EstimatedBytes => _bytes + 4L * _values.Count;

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
            _bytes += utf8.Length;
            char[] block = Reserve(utf8.Length);
            int chars = Encoding.UTF8.GetChars(utf8, block.AsSpan(_blockUsed));
            _values.Add(new ReadOnlyMemory<char>(block, _blockUsed, chars));
            _blockUsed += chars;
        }
    }

    /// <summary>A block with room for <paramref name="maxChars"/> more chars (UTF-8 never decodes to more chars than bytes).</summary>
    private char[] Reserve(int maxChars)
    {
        if (_blockIndex >= 0 && _blocks[_blockIndex].Length - _blockUsed >= maxChars) return _blocks[_blockIndex];
        _blockIndex++;
        _blockUsed = 0;
        if (_blockIndex == _blocks.Count || _blocks[_blockIndex].Length < maxChars)
        {
            int size = _blockIndex == 0 ? FirstBlockChars : Math.Min(MaxBlockChars, 2 * _blocks[_blockIndex - 1].Length);
            var block = new char[Math.Max(size, maxChars)];
            if (_blockIndex == _blocks.Count) _blocks.Add(block);
            else _blocks[_blockIndex] = block;
        }
        return _blocks[_blockIndex];
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Clear()
    {
        _values.Clear();
        _blockIndex = -1;
        _blockUsed = 0;
        _bytes = 0;
    }

    public override void Dispose()
    {
        _values.Dispose();
        _blocks.Clear();
    }
}

/// <summary>
/// Binary values. Parquet.Net 6 takes them as <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>; they are copied
/// into large shared blocks (one slice per value, no array per value), since the caller may dispose the batch.
/// </summary>
internal sealed class BinaryValues(string column) : LeafValues(column)
{
    private const int BlockBytes = 1 << 20;

    private readonly GrowableBuffer<ReadOnlyMemory<byte>> _values = new();
    private readonly List<byte[]> _blocks = [];
    private int _blockIndex = -1;
    private int _blockUsed;
    private long _bytes;

    public override long EstimatedBytes => _bytes + 4L * _values.Count;

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
            ReadOnlySpan<byte> value = bytes[offsets[row]..offsets[row + 1]];
            _bytes += value.Length;
            byte[] block = Reserve(value.Length);
            value.CopyTo(block.AsSpan(_blockUsed));
            _values.Add(new ReadOnlyMemory<byte>(block, _blockUsed, value.Length));
            _blockUsed += value.Length;
        }
    }

    private byte[] Reserve(int length)
    {
        if (_blockIndex >= 0 && _blocks[_blockIndex].Length - _blockUsed >= length) return _blocks[_blockIndex];
        _blockIndex++;
        _blockUsed = 0;
        if (_blockIndex == _blocks.Count || _blocks[_blockIndex].Length < length)
        {
            var block = new byte[Math.Max(BlockBytes, length)];
            if (_blockIndex == _blocks.Count) _blocks.Add(block);
            else _blocks[_blockIndex] = block;
        }
        return _blocks[_blockIndex];
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? definitions, ReadOnlyMemory<int>? repetitions, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync(field, _values.Memory, definitions, repetitions, cancellationToken);

    public override void Clear()
    {
        _values.Clear();
        _blockIndex = -1;
        _blockUsed = 0;
        _bytes = 0;
    }

    public override void Dispose()
    {
        _values.Dispose();
        _blocks.Clear();
    }
}
