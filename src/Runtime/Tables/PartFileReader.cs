using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ParquetSharp.Arrow;

namespace Ingest.Tables;

/// <summary>
/// Reads one part file as Arrow batches (a row group at a time, in batches of up to <see cref="MaxBatchRows"/> rows)
/// through parquet-cpp's Arrow reader, and gives them the schema the store wrote (<see cref="ParquetSchemaMapping"/>): parquet-cpp names a list's element field
/// <c>element</c> (the Parquet name) where the store's Arrow schemas say <c>item</c>, so columns with a list in them
/// (a list, a struct with a list field, a list of structs) are re-typed, sharing their buffers.
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
        Schema schema = StoreSchema(reader.Schema, columns, out bool[] retyped);
        for (int g = 0; g < rowGroups; g++)
        {
            using IArrowArrayStream stream = reader.GetRecordBatchReader(rowGroups: [g], columns: leaves);
            while (await stream.ReadNextRecordBatchAsync(cancellationToken).ConfigureAwait(false) is RecordBatch batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Conform(batch, schema, retyped);
            }
        }
    }

    /// <summary>The Parquet leaf columns under the top-level fields named <paramref name="columns"/> (a list of a flat type is one leaf; a struct has one a field, at any depth).</summary>
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

    /// <summary>
    /// The file's Arrow schema (only <paramref name="columns"/>, when given) with list elements named as the store
    /// names them, at any depth (inside structs too); <paramref name="retyped"/> tells which columns that changed.
    /// </summary>
    private static Schema StoreSchema(Schema read, IReadOnlyList<string>? columns, out bool[] retyped)
    {
        var builder = new Schema.Builder();
        var changed = new List<bool>(read.FieldsList.Count);
        foreach (Field field in read.FieldsList)
        {
            if (columns is not null && !columns.Contains(field.Name)) continue;
            IArrowType type = StoreType(field.DataType);
            bool same = ReferenceEquals(type, field.DataType);
            builder.Field(same ? field : new Field(field.Name, type, field.IsNullable));
            changed.Add(!same);
        }
        retyped = [.. changed];
        return builder.Build();
    }

    /// <summary><paramref name="type"/> with every list's element field named <c>item</c>; the same instance when none needed it.</summary>
    private static IArrowType StoreType(IArrowType type)
    {
        switch (type)
        {
            case ListType list:
            {
                IArrowType item = StoreType(list.ValueDataType);
                return list.ValueField.Name == "item" && ReferenceEquals(item, list.ValueDataType)
                    ? list
                    : new ListType(new Field("item", item, list.ValueField.IsNullable));
            }
            case StructType structType:
            {
                Field[]? fields = null;
                for (int f = 0; f < structType.Fields.Count; f++)
                {
                    Field field = structType.Fields[f];
                    IArrowType fieldType = StoreType(field.DataType);
                    if (ReferenceEquals(fieldType, field.DataType)) continue;
                    fields ??= [.. structType.Fields];
                    fields[f] = new Field(field.Name, fieldType, field.IsNullable);
                }
                return fields is null ? structType : new StructType(fields);
            }
            default:
                return type;
        }
    }

    /// <summary>The batch under <paramref name="schema"/>; the <paramref name="retyped"/> columns re-typed over the same
    /// buffers (the batch handed back owns them: the one read is not disposed separately).</summary>
    private static RecordBatch Conform(RecordBatch batch, Schema schema, bool[] retyped)
    {
        if (!retyped.Contains(true)) return batch;
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++)
        {
            IArrowArray column = batch.Column(c);
            columns[c] = retyped[c] ? ArrowArrayFactory.BuildArray(Retype(column.Data, schema.FieldsList[c].DataType)) : column;
        }
        return new RecordBatch(schema, columns, batch.Length);
    }

    /// <summary><paramref name="data"/> and its children under <paramref name="type"/> (the same shape, other field names), sharing every buffer.</summary>
    private static ArrayData Retype(ArrayData data, IArrowType type)
    {
        ArrayData[] children;
        switch (type)
        {
            case ListType list:
                children = [Retype(data.Children[0], list.ValueDataType)];
                break;
            case StructType structType:
                children = new ArrayData[structType.Fields.Count];
                for (int f = 0; f < children.Length; f++) children[f] = Retype(data.Children[f], structType.Fields[f].DataType);
                break;
            default:
                return data;
        }
        return new ArrayData(type, data.Length, data.NullCount, data.Offset, data.Buffers, children, data.Dictionary);
    }
}
