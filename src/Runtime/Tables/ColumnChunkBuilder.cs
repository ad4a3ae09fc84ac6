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
/// what Parquet.Net takes, one Parquet leaf at a time (<see cref="LeafColumnBuilder"/>: values, definition levels
/// and, under a list, repetition levels, read straight from the Arrow validity, offsets and value buffers), each
/// leaf written and its conversion buffers given back to the pool before the next, so one leaf column at a time is
/// in Parquet.Net form. A flat column or a list of flat values has one leaf; a struct has one per field (at any
/// depth), in the schema's order.
/// </summary>
internal sealed class ColumnChunkBuilder : IDisposable
{
    private readonly ArrowColumnAccumulator _arrow;
    private readonly LeafColumnBuilder[] _leaves;

    public ColumnChunkBuilder(ArrowField arrowField, ParquetField parquetField)
    {
        _arrow = new ArrowColumnAccumulator(arrowField.DataType);
        var leaves = new List<LeafColumnBuilder>();
        AddLeaves(arrowField.Name, arrowField.DataType, parquetField, [], leaves);
        _leaves = [.. leaves];
    }

    /// <summary>Bytes of Arrow data buffered for the row group.</summary>
    public long EstimatedBytes => _arrow.Bytes;

    /// <summary>Copies <paramref name="data"/> into the row group's column (the caller keeps ownership of it).</summary>
    public void Append(ArrayData data) => _arrow.Append(data);

    /// <summary>Converts the buffered column leaf by leaf, writes each as a column chunk of the row group, and empties the column.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            foreach (LeafColumnBuilder leaf in _leaves) await leaf.WriteAsync(writer, _arrow.Segments, _arrow.Length, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Empties the column and gives every buffer back to the pool.</summary>
    public void Release()
    {
        _arrow.Release();
        foreach (LeafColumnBuilder leaf in _leaves) leaf.Release();
    }

    public void Dispose() => Release();

    /// <summary>A leaf for every flat value under <paramref name="type"/>, depth first (Parquet's column order), with the lists and structs on its way.</summary>
    private static void AddLeaves(string path, IArrowType type, ParquetField field, List<NestingStep> steps, List<LeafColumnBuilder> leaves)
    {
        switch (type)
        {
            case ListType list:
            {
                var listField = (ListField)field;
                steps.Add(NestingStep.List(listField));
                AddLeaves(path + "[]", list.ValueDataType, listField.Item, steps, leaves);
                steps.RemoveAt(steps.Count - 1);
                break;
            }
            case StructType structType:
            {
                var structField = (StructField)field;
                for (int f = 0; f < structType.Fields.Count; f++)
                {
                    steps.Add(NestingStep.Struct(structField, f));
                    AddLeaves(path + "." + structType.Fields[f].Name, structType.Fields[f].DataType, structField.Fields[f], steps, leaves);
                    steps.RemoveAt(steps.Count - 1);
                }
                break;
            }
            default:
                leaves.Add(new LeafColumnBuilder(path, [.. steps], (DataField)field, CreateValues(type, path)));
                break;
        }
    }

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
