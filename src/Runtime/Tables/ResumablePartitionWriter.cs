using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Apache.Arrow;
using Ingest.Hashing;

namespace Ingest.Tables;

/// <summary>
/// Writes one partition in named segments (a raw stage's sub-resources) whose staging survives the process: a
/// segment completed by <see cref="CompleteSegmentAsync"/> is durable, and the next writer opened for the same
/// (table, partition) finds it (<see cref="StagedSegments"/>), so an interrupted stage goes on where it stopped
/// instead of starting over. <see cref="CommitAsync"/> swaps the whole partition in at once, like
/// <see cref="PartitionWriter"/>: one snapshot per partition, however many runs it took to stage.
/// </summary>
/// <remarks>
/// <para>Staging lives in <c>&lt;warehouse&gt;/.ingest/.resumable/&lt;namespace&gt;/&lt;table&gt;/partition_date=YYYY-MM-DD/</c>:
/// <c>lock</c> (held while a writer is open: a second writer for the partition fails at once), <c>data/</c> (part files),
/// <c>staging.json</c> (the commit id, schema fingerprint and completed segments with their files) and, once the commit
/// point is passed, <c>commit.json</c> as in <see cref="PartitionCommit"/>.</para>
/// <para>A segment's rows go to part files of their own. Completing it closes and flushes them to disk, then rewrites
/// <c>staging.json</c> (temporary file, flush, rename): only then is the segment staged. Rows of a segment that was not
/// completed (a crash, a cancellation, <see cref="AbandonSegmentAsync"/>) are dropped: their files are deleted when
/// the next writer opens. Staging written with another schema is discarded, as is any staging when the caller asks
/// for a fresh write.</para>
/// <para>Opening the table (<see cref="TableStore.OpenTable"/>) leaves uncommitted staging alone, and finishes a
/// commit that passed its commit point, exactly as for ordinary writes.</para>
/// </remarks>
public sealed class ResumablePartitionWriter : IAsyncDisposable
{
    internal const string StagingFileName = "staging.json";

    private readonly TransactionLayout _transaction;
    private readonly PartitionWriter _writer;
    private readonly List<StagedSegment> _segments;
    private readonly string _fingerprint;
    private readonly DateTimeOffset _startedAt;
    private long _segmentStartRows;
    private bool _finished;

    private ResumablePartitionWriter(TransactionLayout transaction, PartitionWriter writer, List<StagedSegment> segments, string fingerprint,
        DateTimeOffset startedAt, int resumedSegments, string? discarded, bool recoveredCommit)
    {
        _transaction = transaction;
        _writer = writer;
        _segments = segments;
        _fingerprint = fingerprint;
        _startedAt = startedAt;
        _segmentStartRows = writer.RowCount;
        ResumedSegments = resumedSegments;
        DiscardedStaging = discarded;
        RecoveredCommit = recoveredCommit;
    }

    public DateOnly PartitionDate => _writer.PartitionDate;

    public Schema Schema => _writer.Schema;

    /// <summary>Names the write; kept across resumes, recorded in the manifest.</summary>
    public string CommitId => _writer.CommitId;

    /// <summary>The segments staged so far, earlier runs' first, in the order they were completed.</summary>
    public IReadOnlyList<StagedSegment> StagedSegments => _segments;

    /// <summary>How many of <see cref="StagedSegments"/> an earlier run staged (0: a fresh write).</summary>
    public int ResumedSegments { get; }

    /// <summary>Why staging found at open was thrown away (fresh write asked, another schema), or null.</summary>
    public string? DiscardedStaging { get; }

    /// <summary>Segments an earlier run staged with <see cref="StagedSegment.RedoOnResume"/>, dropped at open to be written again.</summary>
    public IReadOnlyList<string> RedoneSegments { get; private init; } = [];

    /// <summary>True when an earlier run had passed its commit point and opening finished its swap.</summary>
    public bool RecoveredCommit { get; }

    /// <summary>Rows staged, completed segments and the segment in progress together.</summary>
    public long RowCount => _writer.RowCount;

    /// <summary>Rows written since the last completed segment.</summary>
    public long PendingSegmentRows => _writer.RowCount - _segmentStartRows;

    public bool IsStaged(string segment) => _segments.Exists(s => s.Name == segment);

    internal static ResumablePartitionWriter Open(TableLayout table, string tableName, DateOnly partitionDate, Schema schema, TableStoreOptions options, bool fresh)
    {
        string root = table.ResumableStagingPath(partitionDate);
        Directory.CreateDirectory(root);
        FileStream heldLock;
        try
        {
            heldLock = new FileStream(Path.Combine(root, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException(
                $"Partition {partitionDate:yyyy-MM-dd} of {tableName} is being staged by another writer (it holds {Path.Combine(root, "lock")}); " +
                "wait for it to finish, or stop it and run again to resume its staging.", e);
        }

        try
        {
            string fingerprint = SchemaFingerprint.Compute(schema);
            bool recoveredCommit = false;
            string? discarded = null;
            StagingRecord? record = ReadRecord(root);
            if (File.Exists(Path.Combine(root, "commit.json")))
            {
                // An earlier run passed its commit point: finish its swap (this also deletes the folder), then start afresh.
                PartitionCommit.Recover(TransactionLayout.AtRoot(root, record?.CommitId ?? ""), table.TablePath);
                recoveredCommit = true;
                record = null;
                heldLock.Dispose();
                Directory.CreateDirectory(root);
                heldLock = new FileStream(Path.Combine(root, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            else if (record is not null && fresh)
            {
                discarded = "a fresh write was asked for";
                record = null;
            }
            else if (record is not null && record.SchemaFingerprint != fingerprint)
            {
                discarded = $"it was staged with another schema ({record.SchemaFingerprint}, now {fingerprint})";
                record = null;
            }

            DateTimeOffset startedAt = record?.StartedAt ?? DateTimeOffset.UtcNow;
            string commitId = record?.CommitId ?? $"{startedAt:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}";
            List<StagedSegment> segments = record is null ? [] : [.. record.Segments];
            // Segments to do again leave the record here; their files go with the unstaged ones just below.
            string[] redone = [.. segments.Where(s => s.RedoOnResume).Select(s => s.Name)];
            segments.RemoveAll(s => s.RedoOnResume);
            var transaction = TransactionLayout.AtRoot(root, commitId);
            RemoveUnstagedFiles(transaction, segments);
            var writer = new PartitionWriter(table, tableName, partitionDate, schema, options, transaction, heldLock,
                [.. segments.SelectMany(s => s.Files)], startedAt);
            var resumable = new ResumablePartitionWriter(transaction, writer, segments, fingerprint, startedAt, segments.Count, discarded, recoveredCommit)
            {
                RedoneSegments = redone,
            };
            resumable.WriteRecord();
            return resumable;
        }
        catch
        {
            heldLock.Dispose();
            throw;
        }
    }

    /// <summary>Adds a batch to the segment in progress.</summary>
    public ValueTask WriteAsync(RecordBatch batch, CancellationToken cancellationToken = default) => _writer.WriteAsync(batch, cancellationToken);

    /// <summary>
    /// Makes the rows written since the last completed segment durable as segment <paramref name="name"/>: its part
    /// files are closed and flushed, then the staging record names them. A later run skips it, unless
    /// <paramref name="redoOnResume"/>: then a run that resumes the partition writes it again (this run still commits it).
    /// </summary>
    public async Task<StagedSegment> CompleteSegmentAsync(string name, bool redoOnResume = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (IsStaged(name)) throw new InvalidOperationException($"Segment {name} of partition {PartitionDate:yyyy-MM-dd} is already staged.");
        IReadOnlyList<ManifestFile> files = await _writer.SealAsync(cancellationToken).ConfigureAwait(false);
        var segment = new StagedSegment(name, _writer.RowCount - _segmentStartRows, files, DateTimeOffset.UtcNow, redoOnResume);
        _segments.Add(segment);
        _segmentStartRows = _writer.RowCount;
        WriteRecord();
        return segment;
    }

    /// <summary>Writes what is staged as the partition, atomically, and deletes the staging. Rows of a segment not completed are included.</summary>
    public Task<PartitionManifest> CommitAsync(CancellationToken cancellationToken = default)
    {
        _finished = true;
        return _writer.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes the staging (completed segments included); the partition stays as it was.</summary>
    public async ValueTask DiscardAsync()
    {
        if (_finished) return;
        _finished = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
        if (Directory.Exists(_transaction.Root)) Directory.Delete(_transaction.Root, recursive: true);
    }

    /// <summary>Without a commit, keeps the completed segments for the next writer; the partition stays as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        _finished = true;
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteRecord()
    {
        var record = new StagingRecord(_writer.CommitId, PartitionDate, _fingerprint, _startedAt, [.. _segments]);
        string path = Path.Combine(_transaction.Root, StagingFileName);
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, StagingJsonContext.Default.StagingRecord)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static StagingRecord? ReadRecord(string root)
    {
        string path = Path.Combine(root, StagingFileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), StagingJsonContext.Default.StagingRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes part files no completed segment names (a segment interrupted mid-write), and a manifest or commit left over.</summary>
    private static void RemoveUnstagedFiles(TransactionLayout transaction, List<StagedSegment> segments)
    {
        var staged = new HashSet<string>(segments.SelectMany(s => s.Files).Select(f => f.Path), StringComparer.Ordinal);
        if (Directory.Exists(transaction.DataPath))
        {
            foreach (string file in Directory.GetFiles(transaction.DataPath))
                if (!staged.Contains(Path.GetFileName(file))) File.Delete(file);
        }
        foreach (string file in staged)
        {
            if (!File.Exists(Path.Combine(transaction.DataPath, file)))
                throw new InvalidDataException($"{Path.Combine(transaction.Root, StagingFileName)} names {file}, which is missing; delete {transaction.Root} and run again.");
        }
        if (Directory.Exists(transaction.PreviousPath)) Directory.Delete(transaction.PreviousPath, recursive: true);
    }
}

/// <summary>
/// One completed segment of a resumable write: its name, rows and part files. <paramref name="RedoOnResume"/>: it was
/// staged as it came but is worth doing again (a raw stage's sub-resource with failed pages): a writer that resumes the
/// partition drops it (<see cref="ResumablePartitionWriter.RedoneSegments"/>) instead of keeping it.
/// </summary>
public sealed record StagedSegment(string Name, long Rows, IReadOnlyList<ManifestFile> Files, DateTimeOffset CompletedAt, bool RedoOnResume = false);

/// <summary><c>staging.json</c>: what a resumable write has staged durably.</summary>
internal sealed record StagingRecord(string CommitId, DateOnly PartitionDate, string SchemaFingerprint, DateTimeOffset StartedAt, IReadOnlyList<StagedSegment> Segments);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(StagingRecord))]
internal sealed partial class StagingJsonContext : JsonSerializerContext;
