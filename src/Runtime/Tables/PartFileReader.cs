using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ParquetSharp.Arrow;

namespace Ingest.Tables;

/// <summary>
/// Reads one part file as Arrow batches (a row group at a time, in batches of up to <see cref="MaxBatchRows"/> rows)
/// through parquet-cpp's Arrow reader, and gives them the schema the store wrote (<see cref="ParquetSchemaMapping"/>): parquet-cpp names a list's element field
/// <c>element</c> (the Parquet name) where the store's Arrow schemas say <c>item</c>, so list columns are re-typed,
/// sharing their buffers.
/// </summary>
internal static class PartFileReader
{
    /// <summary>
    /// Rows per batch at most (a row group of more is read in several). Whole 50,000-row row groups made parquet-cpp
    /// grow each column's builder by doubling, copying and first-touching ~40 MB a batch: reading a national
    /// consolidated partition twice and the day's vehicles once took 5.4 s, 250 MB and 130,000 page faults, against
    /// 3.2 s, 175 MB and 40,000 in batches of 8,192 rows (benchmarks/README.md, "Consolidated stage").
    /// </summary>
    public const int MaxBatchRows = 8192;

    /// <summary>The file's batches; with <paramref name="columns"/>, only those of its columns (by name; names it lacks are left out).</summary>
    public static async IAsyncEnumerable<RecordBatch> ReadAsync(string path, IReadOnlyList<string>? columns, [EnumeratorCancellation] CancellationToken cancellationToken)
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
        properties.BatchSize = Math.Min(largestRowGroup, MaxBatchRows);
        using var readerProperties = ParquetSharp.ReaderProperties.WithMemoryPool(NativeMemory.Pool);
        using var reader = new FileReader(path, readerProperties, properties);
        int[]? leaves = columns is null ? null : LeafColumns(reader.SchemaManifest, columns);
        Schema schema = StoreSchema(reader.Schema, columns);
        for (int g = 0; g < rowGroups; g++)
        {
            using IArrowArrayStream stream = reader.GetRecordBatchReader(rowGroups: [g], columns: leaves);
            while (await stream.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is RecordBatch batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Conform(batch, schema);
            }
        }
    }

    /// <summary>The Parquet leaf columns under the top-level fields named <paramref name="columns"/> (a list is one field, one leaf).</summary>
    private static int[] LeafColumns(SchemaManifest manifest, IReadOnlyList<string> columns)
    {
        var leaves = new List<int>();
        foreach (SchemaField field in manifest.SchemaFields)
            if (columns.Contains(field.Field.Name)) AddLeaves(field);
        return [.. leaves];

        void AddLeaves(SchemaField field)
        {
            if (field.ColumnIndex >= 0) leaves.Add(field.ColumnIndex);
            foreach (SchemaField child in field.Children) AddLeaves(child);
        }
    }

    /// <summary>The file's Arrow schema (only <paramref name="columns"/>, when given) with list elements named as the store names them.</summary>
    private static Schema StoreSchema(Schema read, IReadOnlyList<string>? columns)
    {
        var builder = new Schema.Builder();
        foreach (Field field in read.FieldsList)
        {
            if (columns is not null && !columns.Contains(field.Name)) continue;
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
