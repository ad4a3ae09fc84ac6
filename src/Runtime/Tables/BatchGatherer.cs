using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tables;

/// <summary>
/// Copies consecutive batches (or slices of them) of one schema end to end into one set of column buffers, and
/// hands them out as a single batch. The buffers are kept and reused after <see cref="Clear"/>, so gathering
/// allocates nothing once they have grown to the largest batch gathered.
/// </summary>
/// <remarks>
/// Why: parquet-cpp's Arrow writer spends about 6 µs per column on each batch it is given, whatever its length
/// (C data interface export and import, level and statistics set-up). The transformed stage hands over batches of a
/// few hundred rows, so on 74 columns that overhead was about a quarter of its write time (benchmarks/README.md, "Table
/// store"); one copy into buffers of a few thousand rows costs far less.
/// </remarks>
internal sealed class BatchGatherer
{
    /// <summary>Rows seen before the buffers are sized for the expected rows, from what those rows took.</summary>
    private const int SizingRows = 64;

    private readonly Schema _schema;
    private readonly GatheredColumn[] _columns;
    private readonly int _expectedRows;
    private readonly long _expectedBytes;
    private bool _sized;

    /// <param name="schema">The batches' schema.</param>
    /// <param name="expectedRows">Rows usually gathered before a <see cref="Clear"/>: once the first rows show how
    /// many bytes a row takes, every buffer is sized for this many at once (with a quarter to spare) rather than grown
    /// by doubling, which allocated and copied about twice the final size; 0 to only grow.</param>
    /// <param name="expectedBytes">The most bytes usually gathered before a <see cref="Clear"/>: the sizing never
    /// reserves more than this (with a quarter to spare), however wide the first rows were.</param>
    public BatchGatherer(Schema schema, int expectedRows = 0, long expectedBytes = long.MaxValue)
    {
        _schema = schema;
        _columns = [.. schema.FieldsList.Select(f => GatheredColumn.For(f.DataType))];
        _expectedRows = expectedRows;
        _expectedBytes = expectedBytes;
    }

    /// <summary>Rows gathered since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>Bytes of Arrow data gathered since the last <see cref="Clear"/>.</summary>
    public long Bytes { get; private set; }

    /// <summary>Copies all rows of <paramref name="batch"/> (which may be a slice), after the rows gathered so far.</summary>
    public void Append(RecordBatch batch)
    {
        if (batch.ColumnCount != _columns.Length)
            throw new ArgumentException($"The batch has {batch.ColumnCount} columns; {_columns.Length} are being gathered.", nameof(batch));
        if (batch.Length == 0) return;
        long before = 0;
        long after = 0;
        for (int c = 0; c < _columns.Length; c++)
        {
            before += _columns[c].Bytes;
            ArrayData data = batch.Column(c).Data;
            _columns[c].Append(data, data.Offset, data.Length);
            after += _columns[c].Bytes;
        }
        Rows += batch.Length;
        Bytes += after - before;
        if (!_sized && _expectedRows > Rows && Rows >= SizingRows)
        {
            double scale = 1.25 * Math.Min((double)_expectedRows / Rows, (double)_expectedBytes / Math.Max(Bytes, 1));
            foreach (GatheredColumn column in _columns) column.Reserve(scale);
            _sized = true;
        }
    }

    /// <summary>The rows gathered, as one batch over the gatherer's buffers: valid until the next <see cref="Append"/> or <see cref="Clear"/>.</summary>
    public RecordBatch Build() => new(_schema, _columns.Select(c => ArrowArrayFactory.BuildArray(c.Build())), Rows);

    /// <summary>Forgets the rows gathered; the buffers are kept for the next ones.</summary>
    public void Clear()
    {
        foreach (GatheredColumn column in _columns) column.Clear();
        Rows = 0;
        Bytes = 0;
    }

    /// <summary>One column's buffers: validity bits, then the type's own. Also what the consolidated stage gathers merged rows with.</summary>
    internal abstract class GatheredColumn
    {
        private readonly GrowingBits _validity = new();
        private int _nulls;

        public int Length { get; private set; }

        public abstract long Bytes { get; }

        public static GatheredColumn For(IArrowType type) => type switch
        {
            BooleanType => new BooleanColumn(type),
            StringType or BinaryType => new VariableWidthColumn(type),
            ListType list => new ListColumn(type, For(list.ValueDataType)),
            StructType structType => new StructColumn(type, [.. structType.Fields.Select(f => For(f.DataType))]),
            FixedWidthType fixedWidth => new FixedWidthColumn(type, fixedWidth.BitWidth / 8),
            _ => throw new NotSupportedException($"{SchemaFingerprint.TypeName(type)} is not written by the table store."),
        };

        /// <summary>Copies slots <paramref name="first"/>..+<paramref name="count"/> of <paramref name="data"/>'s buffers (physical indexes, the array's offset included).</summary>
        public void Append(ArrayData data, int first, int count)
        {
            ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
            if (validity.IsEmpty)
            {
                _validity.AppendSet(count);
            }
            else
            {
                _nulls += count - _validity.Append(validity, first, count);
            }
            AppendValues(data, first, count);
            Length += count;
        }

        public ArrayData Build() => BuildData(Length, _nulls, _nulls > 0 ? _validity.Buffer : ArrowBuffer.Empty);

        /// <summary>Makes room for <paramref name="scale"/> times what each buffer holds now.</summary>
        public void Reserve(double scale)
        {
            _validity.Reserve(scale);
            ReserveValues(scale);
        }

        public void Clear()
        {
            _validity.Clear();
            _nulls = 0;
            Length = 0;
            ClearValues();
        }

        protected long ValidityBytes => _nulls > 0 ? _validity.ByteLength : 0;

        protected abstract void AppendValues(ArrayData data, int first, int count);

        protected abstract ArrayData BuildData(int length, int nulls, ArrowBuffer validity);

        protected abstract void ClearValues();

        protected abstract void ReserveValues(double scale);
    }

    private sealed class FixedWidthColumn(IArrowType type, int width) : GatheredColumn
    {
        private readonly GrowingBytes _values = new();

        public override long Bytes => ValidityBytes + _values.Length;

        protected override void AppendValues(ArrayData data, int first, int count) =>
            _values.Append(data.Buffers[1].Span.Slice(first * width, count * width));

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity) =>
            new(type, length, nulls, 0, [validity, _values.Buffer]);

        protected override void ClearValues() => _values.Clear();

        protected override void ReserveValues(double scale) => _values.Reserve(scale);
    }

    private sealed class BooleanColumn(IArrowType type) : GatheredColumn
    {
        private readonly GrowingBits _values = new();

        public override long Bytes => ValidityBytes + _values.ByteLength;

        protected override void AppendValues(ArrayData data, int first, int count) => _ = _values.Append(data.Buffers[1].Span, first, count);

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity) =>
            new(type, length, nulls, 0, [validity, _values.Buffer]);

        protected override void ClearValues() => _values.Clear();

        protected override void ReserveValues(double scale) => _values.Reserve(scale);
    }

    /// <summary>Offsets, rebased onto what is already gathered; for lists the child column takes the items.</summary>
    private class OffsetsColumn(IArrowType type) : GatheredColumn
    {
        private readonly GrowingBytes _offsets = new();
        private int _end;

        public override long Bytes => ValidityBytes + _offsets.Length;

        protected override void AppendValues(ArrayData data, int first, int count)
        {
            ReadOnlySpan<int> source = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(first, count + 1);
            if (_offsets.Length == 0) _offsets.Append(MemoryMarshal.AsBytes([0]));
            Span<int> target = MemoryMarshal.Cast<byte, int>(_offsets.Reserve(count * sizeof(int)));
            int shift = _end - source[0];
            for (int i = 0; i < count; i++) target[i] = source[i + 1] + shift;
            AppendItems(data, source[0], source[count] - source[0]);
            _end += source[count] - source[0];
        }

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity) =>
            BuildData(length, nulls, validity, _offsets.Length == 0 ? new ArrowBuffer(new byte[sizeof(int)]) : _offsets.Buffer);

        protected override void ClearValues()
        {
            _offsets.Clear();
            _end = 0;
            ClearItems();
        }

        protected override void ReserveValues(double scale)
        {
            _offsets.Reserve(scale);
            ReserveItems(scale);
        }

        protected IArrowType Type => type;

        protected virtual void ReserveItems(double scale) { }

        protected virtual void AppendItems(ArrayData data, int first, int count) { }

        protected virtual ArrayData BuildData(int length, int nulls, ArrowBuffer validity, ArrowBuffer offsets) =>
            new(type, length, nulls, 0, [validity, offsets]);

        protected virtual void ClearItems() { }
    }

    private sealed class VariableWidthColumn(IArrowType type) : OffsetsColumn(type)
    {
        private readonly GrowingBytes _values = new();

        public override long Bytes => base.Bytes + _values.Length;

        protected override void AppendItems(ArrayData data, int first, int count) => _values.Append(data.Buffers[2].Span.Slice(first, count));

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity, ArrowBuffer offsets) =>
            new(Type, length, nulls, 0, [validity, offsets, _values.Buffer]);

        protected override void ClearItems() => _values.Clear();

        protected override void ReserveItems(double scale) => _values.Reserve(scale);
    }

    private sealed class ListColumn(IArrowType type, GatheredColumn items) : OffsetsColumn(type)
    {
        public override long Bytes => base.Bytes + items.Bytes;

        protected override void AppendItems(ArrayData data, int first, int count)
        {
            ArrayData child = data.Children[0];
            items.Append(child, child.Offset + first, count);
        }

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity, ArrowBuffer offsets) =>
            new(Type, length, nulls, 0, [validity, offsets], [items.Build()]);

        protected override void ClearItems() => items.Clear();

        protected override void ReserveItems(double scale) => items.Reserve(scale);
    }

    /// <summary>
    /// A struct: its validity, and a column per field over the same slots. A struct's offset applies to its children
    /// (a sliced struct's children are not sliced), so slot <c>first</c> of the struct is slot
    /// <c>child.Offset + first</c> of each child.
    /// </summary>
    private sealed class StructColumn(IArrowType type, GatheredColumn[] fields) : GatheredColumn
    {
        public override long Bytes
        {
            get
            {
                long bytes = ValidityBytes;
                foreach (GatheredColumn column in fields) bytes += column.Bytes;
                return bytes;
            }
        }

        protected override void AppendValues(ArrayData data, int first, int count)
        {
            for (int f = 0; f < fields.Length; f++)
            {
                ArrayData child = data.Children[f];
                fields[f].Append(child, child.Offset + first, count);
            }
        }

        protected override ArrayData BuildData(int length, int nulls, ArrowBuffer validity)
        {
            var children = new ArrayData[fields.Length];
            for (int f = 0; f < fields.Length; f++) children[f] = fields[f].Build();
            return new ArrayData(type, length, nulls, 0, [validity], children);
        }

        protected override void ClearValues()
        {
            foreach (GatheredColumn column in fields) column.Clear();
        }

        protected override void ReserveValues(double scale)
        {
            foreach (GatheredColumn column in fields) column.Reserve(scale);
        }
    }

    /// <summary>A byte array that grows by doubling and is kept across <see cref="Clear"/>.</summary>
    private sealed class GrowingBytes
    {
        private byte[] _bytes = [];

        public int Length { get; private set; }

        public ArrowBuffer Buffer => new(_bytes.AsMemory(0, Length));

        public void Append(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

        public Span<byte> Reserve(int count)
        {
            if (Length + count > _bytes.Length) System.Array.Resize(ref _bytes, (int)Math.Max(BitOperations.RoundUpToPowerOf2((uint)(Length + count)), 256));
            Span<byte> span = _bytes.AsSpan(Length, count);
            Length += count;
            return span;
        }

        /// <summary>Makes room for <paramref name="scale"/> times the bytes held now.</summary>
        public void Reserve(double scale)
        {
            int wanted = (int)Math.Min(Length * scale, int.MaxValue / 2);
            if (wanted > _bytes.Length) System.Array.Resize(ref _bytes, wanted);
        }

        public void Clear() => Length = 0;
    }

    /// <summary>A bitmap that grows by doubling, kept across <see cref="Clear"/>; bits past the end are always zero.</summary>
    private sealed class GrowingBits
    {
        private byte[] _bytes = [];
        private int _count;

        public int ByteLength => (_count + 7) / 8;

        public ArrowBuffer Buffer => new(_bytes.AsMemory(0, ByteLength));

        /// <summary>Appends <paramref name="count"/> bits of <paramref name="source"/> from bit <paramref name="first"/>, eight at a time; returns how many are set.</summary>
        public int Append(ReadOnlySpan<byte> source, int first, int count)
        {
            Grow(count);
            int set = 0;
            while (count > 0)
            {
                int take = Math.Min(8, count);
                int at = first >> 3;
                int shift = first & 7;
                int bits = source[at] >> shift;
                if (shift + take > 8) bits |= source[at + 1] << (8 - shift);
                bits &= (1 << take) - 1;
                Put(bits, take);
                set += BitOperations.PopCount((uint)bits);
                first += take;
                count -= take;
            }
            return set;
        }

        public void AppendSet(int count)
        {
            Grow(count);
            while (count > 0)
            {
                int take = Math.Min(8, count);
                Put((1 << take) - 1, take);
                count -= take;
            }
        }

        /// <summary>Makes room for <paramref name="scale"/> times the bits held now.</summary>
        public void Reserve(double scale)
        {
            int wanted = (int)Math.Min(ByteLength * scale, int.MaxValue / 2) + 1;
            if (wanted > _bytes.Length) System.Array.Resize(ref _bytes, wanted);
        }

        /// <summary>Zeroes what was written, so the bits past the end stay zero for the next appends.</summary>
        public void Clear()
        {
            _bytes.AsSpan(0, ByteLength).Clear();
            _count = 0;
        }

        private void Put(int bits, int count)
        {
            int at = _count >> 3;
            int shift = _count & 7;
            _bytes[at] |= (byte)(bits << shift);
            if (shift + count > 8) _bytes[at + 1] |= (byte)(bits >> (8 - shift));
            _count += count;
        }

        private void Grow(int count)
        {
            int needed = (_count + count + 7) / 8 + 1;
            if (needed > _bytes.Length) System.Array.Resize(ref _bytes, (int)Math.Max(BitOperations.RoundUpToPowerOf2((uint)needed), 64));
        }
    }
}
