using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Ingest.Tables;

/// <summary>
/// A part file written by parquet-cpp's Arrow writer (ParquetSharp) in buffered row-group mode: each batch is handed
/// over through the Arrow C data interface (no copy) and encoded, dictionary-encoded where that pays, and compressed
/// into the row group's pages at once; the pages are written out when the row group ends. One thread.
/// </summary>
/// <remarks>
/// A row group is ended lazily, when the next rows arrive (<see cref="FileWriter.NewBufferedRowGroup"/>) or the file
/// is closed, because parquet-cpp records a row group it has started even if no row is ever added to it.
/// </remarks>
internal sealed class ParquetSharpPartFileWriter : PartFileWriter
{
    /// <summary>
    /// Data pages and dictionary pages of at most 128 KiB (parquet-cpp's defaults are 1 MiB): every column of the open
    /// row group holds a page being filled and its dictionary, so this bounds the writer's memory at about
    /// 74 columns × 256 KiB for the Stellantis entity (the national partition came out 3% smaller, not larger).
    /// </summary>
    private const long PageBytes = 128 * 1024;

    /// <summary>
    /// Small batches (fewer rows than this, and under <see cref="SmallBatchBytesPerColumn"/>) are gathered
    /// (<see cref="BatchGatherer"/>) until this many rows or <see cref="GatherBytes"/> are waiting, then handed over
    /// as one: each hand-over costs parquet-cpp about 6 µs a column whatever its length.
    /// </summary>
    private const int GatherRows = 8192;

    private const long GatherBytes = 8 * 1024 * 1024;

    /// <summary>
    /// A batch with this many bytes a column or more already pays for its hand-over and is written as it is: the raw
    /// tier's, of page bodies (~110 KB a row), are never copied; the transformed tier's (256 rows, ~2.6 KB a column)
    /// are gathered.
    /// </summary>
    private const long SmallBatchBytesPerColumn = 8 * 1024;

    private readonly WriterProperties _properties;
    private readonly ArrowWriterProperties _arrowProperties;
    private readonly FileWriter _writer;
    private readonly BatchGatherer _gathered;
    private bool _rowGroupEnded;

    public ParquetSharpPartFileWriter(Stream file, Schema schema, TableStoreOptions options, IReadOnlyDictionary<string, string> metadata)
    {
        _properties = new WriterPropertiesBuilder()
            .Compression(ToCompression(options.Compression))
            .MaxRowGroupLength(options.RowGroupRows)
            .DataPagesize(PageBytes)
            .DictionaryPagesizeLimit(PageBytes)
            .MemoryPool(NativeMemory.Pool)
            .CreatedBy("ingest (parquet-cpp via ParquetSharp)")
            .Build();
        // StoreSchema writes the Arrow schema's metadata (commit id, git SHA) as Parquet key-value metadata.
        _arrowProperties = new ArrowWriterPropertiesBuilder().StoreSchema().Build();
        var withMetadata = new Schema(schema.FieldsList, metadata);
        _writer = new FileWriter(file, withMetadata, _properties, _arrowProperties, leaveOpen: true);
        _gathered = new BatchGatherer(withMetadata, GatherRows, GatherBytes);
    }

    public override ValueTask AppendAsync(RecordBatch rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Length >= GatherRows || ArrowSizes.Bytes(rows) >= SmallBatchBytesPerColumn * rows.ColumnCount)
        {
            WriteGathered();
            Write(rows);
        }
        else
        {
            _gathered.Append(rows);
            if (_gathered.Rows >= GatherRows || _gathered.Bytes >= GatherBytes) WriteGathered();
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask EndRowGroupAsync(CancellationToken cancellationToken)
    {
        WriteGathered();
        _rowGroupEnded = true;
        return ValueTask.CompletedTask;
    }

    public override ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        WriteGathered();
        _writer.Close();
        return DisposeAsync();
    }

    public override ValueTask DisposeAsync()
    {
        // Without Close the file is abandoned (its staging folder is deleted); ParquetSharp's Dispose swallows what
        // parquet-cpp reports about a half-written file.
        _writer.Dispose();
        _arrowProperties.Dispose();
        _properties.Dispose();
        return ValueTask.CompletedTask;
    }

    private void WriteGathered()
    {
        if (_gathered.Rows == 0) return;
        // parquet-cpp encodes the batch before WriteBufferedRecordBatch returns, so the buffers can be reused after.
        Write(_gathered.Build());
        _gathered.Clear();
    }

    private void Write(RecordBatch rows)
    {
        if (_rowGroupEnded)
        {
            _writer.NewBufferedRowGroup();
            _rowGroupEnded = false;
        }
        _writer.WriteBufferedRecordBatch(rows);
    }

    private static Compression ToCompression(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Uncompressed => Compression.Uncompressed,
        ParquetCompression.Snappy => Compression.Snappy,
        ParquetCompression.Gzip => Compression.Gzip,
        ParquetCompression.Zstd => Compression.Zstd,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression."),
    };
}
