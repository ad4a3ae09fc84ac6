using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Parquet;
using Parquet.Schema;
using ArrowField = Apache.Arrow.Field;
using ParquetField = Parquet.Schema.Field;

namespace Ingest.Tables;

/// <summary>
/// One column of the row group being built. Batches are appended in Arrow form (compact: UTF-8 strings, validity
/// bits; see <see cref="ArrowColumnAccumulator"/>); only when the row group is written is the column converted to
/// what Parquet.Net takes (values, definition levels and, for lists, repetition levels, read straight from the
/// Arrow validity, offsets and value buffers), written, and the conversion buffers given back to the pool, so one
/// column at a time is in Parquet.Net form.
/// </summary>
/// <remarks>
/// Levels follow from the Parquet schema (<see cref="DataField.MaxDefinitionLevel"/> = M of the leaf). A flat column:
/// present M, null M − 1. A list (optional list, repeated group, element optional or not): present element M, null
/// element M − 1, empty list M − 1 − e (e = 1 if elements are nullable), null list one less; repetition 0 starts a
/// row, 1 continues it.
/// </remarks>
internal sealed class ColumnChunkBuilder : IDisposable
{
    private readonly string _name;
    private readonly DataField _leaf;
    private readonly LeafValues _values;
    private readonly GrowableBuffer<int>? _definitions;
    private readonly GrowableBuffer<int>? _repetitions;
    private readonly bool _isList;
    private readonly int _present;
    private readonly int _nullValue;
    private readonly int _emptyList;
    private readonly int _nullList;
    private readonly bool _listNullable;
    private readonly ArrowColumnAccumulator _arrow;

    public ColumnChunkBuilder(ArrowField arrowField, ParquetField parquetField)
    {
        _name = arrowField.Name;
        _isList = arrowField.DataType is ListType;
        _leaf = parquetField is ListField list ? (DataField)list.Item : (DataField)parquetField;
        IArrowType leafType = arrowField.DataType is ListType listType ? listType.ValueDataType : arrowField.DataType;
        _values = CreateValues(leafType, _name);
        _arrow = new ArrowColumnAccumulator(arrowField.DataType);
        _present = _leaf.MaxDefinitionLevel;
        _nullValue = _present - 1;
        if (_present > 0) _definitions = new GrowableBuffer<int>();
        if (_isList)
        {
            _repetitions = new GrowableBuffer<int>();
            _emptyList = _present - 1 - (_leaf.IsNullable ? 1 : 0);
            _nullList = _emptyList - 1;
            _listNullable = _nullList >= 0;
        }
    }

    /// <summary>Bytes of Arrow data buffered for the row group.</summary>
    public long EstimatedBytes => _arrow.Bytes;

    /// <summary>Copies <paramref name="data"/> into the row group's column (the caller keeps ownership of it).</summary>
    public void Append(ArrayData data)
    {
        if (data.NullCount > 0 && !_isList && _definitions is null)
            throw new InvalidDataException($"Column {_name} is declared not nullable but the batch has a null in it.");
        if (data.NullCount > 0 && _isList && !_listNullable)
            throw new InvalidDataException($"Column {_name} is a list declared not nullable but the batch has a null list.");
        if (_isList && !_leaf.IsNullable && data.Children[0].NullCount > 0)
            throw new InvalidDataException($"Column {_name} is a list of elements declared not nullable but the batch has a null element.");
        _arrow.Append(data);
    }

    /// <summary>Converts the buffered column, writes it as the row group's column chunk, and empties the column.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            if (_definitions is not null && !_isList) _definitions.EnsureCapacity(_arrow.Length);
            foreach (ArrayData segment in _arrow.Segments) Convert(segment);
            await _values.WriteAsync(writer, _leaf, _definitions?.Memory, _repetitions?.Memory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    private void Convert(ArrayData data)
    {
        if (!_isList)
        {
            _values.Append(data, 0, data.Length, _definitions, _present, _nullValue);
            return;
        }

        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ArrayData items = data.Children[0];
        if (!_leaf.IsNullable && items.NullCount > 0)
            throw new InvalidDataException($"Column {_name} is a list of elements declared not nullable but the batch has a null element.");
        GrowableBuffer<int> definitions = _definitions!;
        GrowableBuffer<int> repetitions = _repetitions!;
        for (int row = 0; row < data.Length; row++)
        {
            if (!ArrowSpans.IsValid(validity, data.Offset + row))
            {
                if (!_listNullable) throw new InvalidDataException($"Column {_name} is a list declared not nullable but the batch has a null list.");
                definitions.Add(_nullList);
                repetitions.Add(0);
                continue;
            }
            int start = offsets[row];
            int count = offsets[row + 1] - start;
            if (count == 0)
            {
                definitions.Add(_emptyList);
                repetitions.Add(0);
                continue;
            }
            _values.Append(items, start, count, definitions, _present, _nullValue);
            repetitions.Add(0);
            repetitions.Append(count - 1).Fill(1);
        }
    }

    /// <summary>Empties the column and gives every buffer back to the pool.</summary>
    public void Release()
    {
        _arrow.Release();
        _values.Release();
        _definitions?.Release();
        _repetitions?.Release();
    }

    public void Dispose() => Release();

    private static LeafValues CreateValues(IArrowType type, string column) => type switch
    {
        StringType => new StringValues(column),
        BinaryType => new BinaryValues(column),
        BooleanType => new BooleanValues(column),
        Int32Type => new FixedWidthValues<int, int, IdentityConverter<int>>(column, default),
        Int64Type => new FixedWidthValues<long, long, IdentityConverter<long>>(column, default),
        DoubleType => new FixedWidthValues<double, double, IdentityConverter<double>>(column, default),
        Date32Type => new FixedWidthValues<int, DateOnly, DateConverter>(column, default),
        TimestampType => new FixedWidthValues<long, DateTime, TimestampConverter>(column, default),
        Decimal128Type d => new FixedWidthValues<Int128, decimal, DecimalConverter>(column, new DecimalConverter(d.Scale, column)),
        _ => throw new NotSupportedException($"Column {column}: {SchemaFingerprint.TypeName(type)} is not written by the table store."),
    };
}
