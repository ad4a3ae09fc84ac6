using Apache.Arrow;
using Parquet;
using Parquet.Schema;

namespace Ingest.Tables;

/// <summary>
/// A part file written by Parquet.Net. Rows are copied into the row group in Arrow form as they arrive
/// (<see cref="ColumnChunkBuilder"/>: UTF-8 stays UTF-8, validity stays bits), and when the row group ends each
/// Parquet leaf column in turn (one per flat column or list, one per field of a struct) is converted to Parquet.Net's
/// values and levels, written, and its conversion buffers given back, so one leaf column at a time is in Parquet.Net
/// form.
/// </summary>
internal sealed class ParquetNetPartFileWriter : PartFileWriter
{
    private readonly Stream _file;
    private readonly TableStoreOptions _options;
    private readonly ParquetSchema _parquetSchema;
    private readonly ColumnChunkBuilder[] _columns;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private ParquetWriter? _writer;
    private int _bufferedRows;

    public ParquetNetPartFileWriter(Stream file, Schema schema, TableStoreOptions options, IReadOnlyDictionary<string, string> metadata)
    {
        _file = file;
        _options = options;
        _metadata = metadata;
        _parquetSchema = ParquetSchemaMapping.ToParquet(schema);
        _columns = new ColumnChunkBuilder[schema.FieldsList.Count];
        for (int c = 0; c < _columns.Length; c++) _columns[c] = new ColumnChunkBuilder(schema.FieldsList[c], _parquetSchema.Fields[c]);
    }

    public override ValueTask AppendAsync(RecordBatch rows, CancellationToken cancellationToken)
    {
        for (int c = 0; c < _columns.Length; c++) _columns[c].Append(rows.Column(c).Data);
        _bufferedRows += rows.Length;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask EndRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_bufferedRows == 0) return;
        ParquetWriter writer = _writer ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        using (ParquetRowGroupWriter rowGroup = writer.CreateRowGroup())
        {
            for (int c = 0; c < _columns.Length; c++) await _columns[c].WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            rowGroup.CompleteValidate();
        }
        _bufferedRows = 0;
    }

    public override async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        await EndRowGroupAsync(cancellationToken).ConfigureAwait(false);
        ParquetWriter writer = _writer ?? await OpenAsync(cancellationToken).ConfigureAwait(false);
        await writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        await DisposeAsync().ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        foreach (ColumnChunkBuilder column in _columns) column.Dispose();
    }

    private async Task<ParquetWriter> OpenAsync(CancellationToken cancellationToken)
    {
        var parquetOptions = new ParquetOptions { CompressionMethod = ToCompression(_options.Compression) };
        _writer = await ParquetWriter.CreateAsync(_parquetSchema, _file, parquetOptions, append: false, cancellationToken).ConfigureAwait(false);
        _writer.CustomMetadata = new Dictionary<string, string>(_metadata);
        return _writer;
    }

    private static CompressionMethod ToCompression(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Uncompressed => CompressionMethod.None,
        ParquetCompression.Snappy => CompressionMethod.Snappy,
        ParquetCompression.Gzip => CompressionMethod.Gzip,
        ParquetCompression.Zstd => CompressionMethod.Zstd,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown compression."),
    };
}
