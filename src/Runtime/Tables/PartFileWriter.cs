using Apache.Arrow;

namespace Ingest.Tables;

/// <summary>Which library encodes part files. Both write the same Parquet types (<see cref="ParquetSchemaMapping"/>).</summary>
public enum ParquetWriterEngine
{
    /// <summary>
    /// parquet-cpp's Arrow writer through ParquetSharp (native): batches are encoded and compressed as they arrive,
    /// so a row group is held encoded, not as values. The default: it meets the stages' memory and speed targets
    /// (benchmarks/README.md, "Table store").
    /// </summary>
    ParquetSharp,

    /// <summary>
    /// Parquet.Net, the managed writer the design first named: a row group is held in Arrow form and converted column
    /// by column when it is written; about 2× the time and 1.5–3× the peak memory of <see cref="ParquetSharp"/> on the
    /// transformed stage. Kept selectable (and tested) so the two can be compared on the same batches; partitions are
    /// read back with parquet-cpp either way. It writes flat columns, lists and structs nested in each other, but no
    /// list directly inside a list: such a table is refused when its partition writer is created.
    /// </summary>
    ParquetNet,
}

/// <summary>Page compression of part files.</summary>
public enum ParquetCompression
{
    Uncompressed,
    Snappy,
    Gzip,
    Zstd,
}

/// <summary>
/// One part file being written by one engine. <see cref="PartitionWriter"/> decides where row groups and files end
/// (it splits batches at row-group boundaries); an engine appends rows to the open row group, ends it, and writes
/// the footer. Batches appended may be disposed by the caller as soon as <see cref="AppendAsync"/> returns.
/// </summary>
internal abstract class PartFileWriter : IAsyncDisposable
{
    public static PartFileWriter Create(ParquetWriterEngine engine, Stream file, Schema schema, TableStoreOptions options, IReadOnlyDictionary<string, string> metadata) => engine switch
    {
        ParquetWriterEngine.ParquetSharp => new ParquetSharpPartFileWriter(file, schema, options, metadata),
        ParquetWriterEngine.ParquetNet => new ParquetNetPartFileWriter(file, schema, options, metadata),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown Parquet writer engine."),
    };

    /// <summary>Adds rows to the open row group (starting one if none is open).</summary>
    public abstract ValueTask AppendAsync(RecordBatch rows, CancellationToken cancellationToken);

    /// <summary>Ends the open row group; the next rows start a new one.</summary>
    public abstract ValueTask EndRowGroupAsync(CancellationToken cancellationToken);

    /// <summary>Writes what is open and the footer. The stream stays open (the caller flushes it to disk).</summary>
    public abstract ValueTask CloseAsync(CancellationToken cancellationToken);

    /// <summary>Gives up without a footer (the file is incomplete and will be deleted).</summary>
    public abstract ValueTask DisposeAsync();
}
