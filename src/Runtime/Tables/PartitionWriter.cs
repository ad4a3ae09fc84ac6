using Apache.Arrow;
using Ingest.Hashing;

namespace Ingest.Tables;

/// <summary>
/// Writes one partition of a table: every batch goes to a staging folder (so the first chunk of a stage replaces
/// the partition and later chunks add to it), and <see cref="CommitAsync"/> swaps it in at once. Until then, and
/// if the writer is disposed without committing or its process dies, readers see the previous partition.
/// </summary>
/// <remarks>
/// Part files are encoded by the engine <see cref="TableStoreOptions.Writer"/> names (<see cref="PartFileWriter"/>).
/// A row group ends at <see cref="TableStoreOptions.RowGroupRows"/> rows or about
/// <see cref="TableStoreOptions.RowGroupBytes"/> of Arrow data, whichever comes first (batches are split at the
/// boundary), and a part file is closed at the first row-group end after it reaches
/// <see cref="TableStoreOptions.FileBytes"/>. One writer per partition at a time.
/// </remarks>
public sealed class PartitionWriter : IAsyncDisposable
{
    private readonly TableLayout _table;
    private readonly TransactionLayout _transaction;
    private readonly TableStoreOptions _options;
    private readonly string _tableName;
    private readonly FileStream _lock;
    private readonly List<ManifestFile> _files = [];
    private readonly DateTimeOffset _startedAt;
    private readonly bool _keepStaging;
    private int _sealedFiles;
    private FileStream? _file;
    private PartFileWriter? _writer;
    private long _fileRows;
    private int _fileRowGroups;
    private int _bufferedRows;
    private long _bufferedBytes;
    private bool _finished;

    internal PartitionWriter(TableLayout table, string tableName, DateOnly partitionDate, Schema schema, TableStoreOptions options)
    {
        _table = table;
        _tableName = tableName;
        _options = options;
        _startedAt = DateTimeOffset.UtcNow;
        PartitionDate = partitionDate;
        Schema = schema;
        CommitId = $"{_startedAt:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}";
        ParquetSchemaMapping.EnsureWritable(schema, options.Writer); // throws early for a type the store does not write

        _transaction = new TransactionLayout(table.WorkPath, CommitId);
        Directory.CreateDirectory(_transaction.DataPath);
        _lock = new FileStream(_transaction.LockPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>
    /// A writer that goes on from files already staged in <paramref name="transaction"/> (a resumable write, see
    /// <see cref="ResumablePartitionWriter"/>): new part files are numbered after them, the manifest lists them first,
    /// and disposing without a commit leaves the staging folder for the next run.
    /// </summary>
    internal PartitionWriter(TableLayout table, string tableName, DateOnly partitionDate, Schema schema, TableStoreOptions options,
        TransactionLayout transaction, FileStream heldLock, IReadOnlyList<ManifestFile> stagedFiles, DateTimeOffset startedAt)
    {
        _table = table;
        _tableName = tableName;
        _options = options;
        _startedAt = startedAt;
        _keepStaging = true;
        PartitionDate = partitionDate;
        Schema = schema;
        CommitId = transaction.CommitId;
        ParquetSchemaMapping.EnsureWritable(schema, options.Writer);
        _transaction = transaction;
        _lock = heldLock;
        _files.AddRange(stagedFiles);
        _sealedFiles = _files.Count;
        foreach (ManifestFile file in stagedFiles) RowCount += file.Rows;
        Directory.CreateDirectory(_transaction.DataPath);
    }

    public DateOnly PartitionDate { get; }

    public Schema Schema { get; }

    /// <summary>Names this write; recorded in the manifest.</summary>
    public string CommitId { get; }

    /// <summary>Rows accepted so far (written or buffered).</summary>
    public long RowCount { get; private set; }

    /// <summary>Row groups written so far (a row group still being buffered not counted).</summary>
    public int RowGroupCount { get; private set; }

    /// <summary>
    /// Adds a batch (of <see cref="Schema"/>'s columns, in order) to the partition being staged. The engine takes
    /// what it needs before this returns (see <see cref="ParquetWriterEngine"/>); the caller may dispose the batch then.
    /// </summary>
    public async ValueTask WriteAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_finished, this);
        CheckSchema(batch.Schema);
        int offset = 0;
        while (offset < batch.Length)
        {
            int take = Math.Min(batch.Length - offset, _options.RowGroupRows - _bufferedRows);
            RecordBatch rows = offset == 0 && take == batch.Length ? batch : batch.Slice(offset, take);
            PartFileWriter writer = _writer ?? OpenFile();
            await writer.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
            offset += take;
            _bufferedRows += take;
            _bufferedBytes += ArrowSizes.Bytes(rows);
            RowCount += take;
            if (_bufferedRows >= _options.RowGroupRows || _bufferedBytes >= _options.RowGroupBytes)
                await EndRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes what is buffered and closes the part file (flushed to disk), so everything accepted so far is in
    /// complete files; returns the files closed since the last seal. The next batch starts a new part file.
    /// </summary>
    internal async Task<IReadOnlyList<ManifestFile>> SealAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        await CloseFileAsync(cancellationToken).ConfigureAwait(false);
        ManifestFile[] sealedNow = [.. _files.Skip(_sealedFiles)];
        _sealedFiles = _files.Count;
        return sealedNow;
    }

    /// <summary>
    /// Writes what is buffered, then makes the staged partition the table's, atomically, and returns its manifest.
    /// A partition with no rows is committed as one part file with the schema and no row groups.
    /// </summary>
    public async Task<PartitionManifest> CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_writer is null && _files.Count == 0) OpenFile();
        await CloseFileAsync(cancellationToken).ConfigureAwait(false);
        _options.OnCommitStep?.Invoke(CommitStep.FilesWritten);

        var manifest = new PartitionManifest
        {
            Table = _tableName,
            PartitionDate = PartitionDate,
            CommitId = CommitId,
            RowCount = RowCount,
            Files = [.. _files],
            SchemaFingerprint = SchemaFingerprint.Compute(Schema),
            Columns = [.. Schema.FieldsList.Select(f => new ManifestColumn(f.Name, SchemaFingerprint.TypeName(f.DataType), f.IsNullable))],
            GitSha = _options.GitSha,
            StartedAt = _startedAt,
            CommittedAt = DateTimeOffset.UtcNow,
        };
        PartitionCommit.Commit(_transaction, _table.TablePath, manifest, _options);
        _finished = true;
        await _lock.DisposeAsync().ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Without a commit, discards the staged files (a resumable write keeps them); the partition stays as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        _finished = true;
        try
        {
            if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
            if (_file is not null) await _file.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (!_keepStaging && Directory.Exists(_transaction.Root)) Directory.Delete(_transaction.Root, recursive: true);
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Ends the open row group; the part file is closed when it has reached <see cref="TableStoreOptions.FileBytes"/>.</summary>
    private async Task EndRowGroupAsync(CancellationToken cancellationToken)
    {
        if (_bufferedRows == 0) return;
        await _writer!.EndRowGroupAsync(cancellationToken).ConfigureAwait(false);
        CountRowGroup();
        if (_file!.Position >= _options.FileBytes) await CloseFileAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the open row group's rows into the file's and the writer's counts.</summary>
    private void CountRowGroup()
    {
        _fileRows += _bufferedRows;
        _fileRowGroups++;
        RowGroupCount++;
        _bufferedRows = 0;
        _bufferedBytes = 0;
    }

    private PartFileWriter OpenFile()
    {
        string path = Path.Combine(_transaction.DataPath, TableLayout.PartFileName(_files.Count));
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        var metadata = new Dictionary<string, string>
        {
            ["ingest.commit_id"] = CommitId,
            ["ingest.git_sha"] = _options.GitSha ?? "",
        };
        _writer = PartFileWriter.Create(_options.Writer, _file, Schema, _options, metadata);
        _fileRows = 0;
        _fileRowGroups = 0;
        return _writer;
    }

    /// <summary>Ends the open row group, writes the footer, and flushes the file to disk.</summary>
    private async Task CloseFileAsync(CancellationToken cancellationToken)
    {
        if (_writer is null || _file is null) return;
        if (_bufferedRows > 0) CountRowGroup();
        await _writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        _file.Flush(flushToDisk: true);
        _files.Add(new ManifestFile(Path.GetFileName(_file.Name), _fileRows, _file.Length, _fileRowGroups));
        await _file.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        _file = null;
    }

    private void CheckSchema(Schema schema)
    {
        if (ReferenceEquals(schema, Schema)) return;
        if (schema.FieldsList.Count != Schema.FieldsList.Count)
            throw new ArgumentException($"The batch has {schema.FieldsList.Count} columns; partition {PartitionDate:yyyy-MM-dd} of {_tableName} is being written with {Schema.FieldsList.Count}.");
        for (int c = 0; c < schema.FieldsList.Count; c++)
        {
            Apache.Arrow.Field actual = schema.FieldsList[c];
            Apache.Arrow.Field expected = Schema.FieldsList[c];
            if (actual.Name != expected.Name || SchemaFingerprint.TypeName(actual.DataType) != SchemaFingerprint.TypeName(expected.DataType))
            {
                throw new ArgumentException(
                    $"Column {c} of the batch is {actual.Name}: {SchemaFingerprint.TypeName(actual.DataType)}; the partition expects {expected.Name}: {SchemaFingerprint.TypeName(expected.DataType)}.");
            }
        }
    }
}
