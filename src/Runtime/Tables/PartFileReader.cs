using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ParquetSharp.Arrow;

namespace Ingest.Tables;

/// <summary>
/// Reads one part file as Arrow batches, one per row group, through parquet-cpp's Arrow reader, and gives them the
/// schema the store wrote (<see cref="ParquetSchemaMapping"/>): parquet-cpp names a list's element field
/// <c>element</c> (the Parquet name) where the store's Arrow schemas say <c>item</c>, so list columns are re-typed,
/// sharing their buffers.
/// </summary>
internal static class PartFileReader
{
    public static async IAsyncEnumerable<RecordBatch> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int rowGroups;
        long largestRowGroup = 1;
        using (var footer = new ParquetSharp.ParquetFileReader(path))
        {
            rowGroups = footer.FileMetaData.NumRowGroups;
            for (int g = 0; g < rowGroups; g++)
            {
                using ParquetSharp.RowGroupReader rowGroup = footer.RowGroup(g);
                largestRowGroup = Math.Max(largestRowGroup, rowGroup.MetaData.NumRows);
            }
        }
        using var properties = ArrowReaderProperties.GetDefault();
        properties.UseThreads = false;
        properties.BatchSize = largestRowGroup;
        using var readerProperties = ParquetSharp.ReaderProperties.WithMemoryPool(NativeMemory.Pool);
        using var reader = new FileReader(path, readerProperties, properties);
        Schema schema = StoreSchema(reader.Schema);
        for (int g = 0; g < rowGroups; g++)
        {
            using IArrowArrayStream stream = reader.GetRecordBatchReader(rowGroups: [g]);
            while (await stream.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is RecordBatch batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Conform(batch, schema);
            }
        }
    }

    /// <summary>The file's Arrow schema with list elements named as the store names them.</summary>
    private static Schema StoreSchema(Schema read)
    {
        var builder = new Schema.Builder();
        foreach (Field field in read.FieldsList)
        {
            builder.Field(field.DataType is ListType list && list.ValueField.Name != "item"
                ? new Field(field.Name, new ListType(new Field("item", list.ValueDataType, list.ValueField.IsNullable)), field.IsNullable)
                : field);
        }
        return builder.Build();
    }

    /// <summary>The batch under <paramref name="schema"/>; list columns re-typed over the same buffers (the batch handed
    /// back owns them: the one read is not disposed separately).</summary>
    private static RecordBatch Conform(RecordBatch batch, Schema schema)
    {
        bool same = true;
        for (int c = 0; c < batch.ColumnCount && same; c++) same = ReferenceEquals(batch.Schema.FieldsList[c].DataType, schema.FieldsList[c].DataType);
        if (same) return batch;
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++)
        {
            IArrowArray column = batch.Column(c);
            IArrowType type = schema.FieldsList[c].DataType;
            columns[c] = ReferenceEquals(column.Data.DataType, type) || type is not ListType
                ? column
                : ArrowArrayFactory.BuildArray(new ArrayData(type, column.Length, column.NullCount, column.Data.Offset, column.Data.Buffers, column.Data.Children));
        }
        return new RecordBatch(schema, columns, batch.Length);
    }
}
