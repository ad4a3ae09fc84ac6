using System.Diagnostics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Hashing;
using Ingest.Tables;

namespace Ingest.Tiers;

/// <summary>
/// The transformed stage's per-batch work: merges each batch's extraction report, quarantines invalid pages, adds
/// <c>_snapshot</c>, keeps the first row of each key (the key index) and writes the kept rows as slices of the batch.
/// Disposing it frees the key index (native memory).
/// </summary>
internal sealed class EntityTransform(EntityDescriptor descriptor, PartitionWriter writer, PartitionWriter quarantineWriter, DateOnly partitionDate, int maxConflictDetails)
    : IDisposable
{
    private const int QuarantinePagesPerBatch = 8;
    private const int MaxFailureSamples = 5;

    private readonly SnapshotHasher _hasher = new();
    private readonly RowKeyHasher _keys = new(descriptor.Schema, descriptor.Key);
    private readonly KeyIndex _index = new();
    private readonly HashSet<ulong> _conflictedKeys = []; // keys that conflicted at least once: rows changed while paging, rare
    private readonly List<(int Ordinal, int Records)> _pages = [];
    private readonly List<PendingConflict> _pending = [];
    private readonly List<(int Start, int Length)> _runs = [];
    private readonly Dictionary<string, (int Count, List<FailureSample> Samples)> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unknown = new(StringComparer.Ordinal);
    private readonly List<QuarantinedPage> _quarantined = [];
    private readonly VariableWidthColumn _quarantineSubResource = new(StringType.Default);
    private readonly VariableWidthColumn _quarantinePage = new(StringType.Default);
    private readonly VariableWidthColumn _quarantineReason = new(StringType.Default);
    private readonly VariableWidthColumn _quarantineBody = new(BinaryType.Default);
    private ulong[] _keyHashes = [];
    private bool[] _hasKey = [];

    public long RowsIn { get; set; }
    public long FailedPages { get; set; }
    public long BytesIn { get; set; }
    public long RowsExtracted { get; private set; }
    public long PagesWithoutRecords { get; private set; }
    public long SkippedRecords { get; private set; }
    public long DuplicateRows { get; private set; }
    public long ConflictingRows { get; private set; }
    public long ConflictingKeys { get; private set; }
    public long NullKeyRows { get; private set; }

    public IReadOnlyList<QuarantinedPage> Quarantined => _quarantined;

    /// <summary>Time spent hashing rows (<c>_snapshot</c>, keys) and in the key index.</summary>
    public Stopwatch HashTime { get; } = new();

    /// <summary>Time spent handing kept rows to the partition writer (row groups written included).</summary>
    public Stopwatch WriteTime { get; } = new();

    public IReadOnlyList<PendingConflict> PendingConflicts => _pending;

    /// <summary>Notes the page behind the next <paramref name="records"/> rows of the pending batch.</summary>
    public void PageAppended(int ordinal, int records)
    {
        if (records > 0) _pages.Add((ordinal, records));
    }

    public async Task AddAsync(ExtractedBatch extracted, CancellationToken cancellationToken)
    {
        Merge(extracted.Report);
        if (_quarantineBody.Length >= QuarantinePagesPerBatch) await FlushQuarantineAsync(cancellationToken).ConfigureAwait(false);
        RecordBatch batch = extracted.Batch;
        int rows = batch.Length;
        RowsExtracted += rows;
        if (rows == 0)
        {
            _pages.Clear();
            return;
        }

        HashTime.Start();
        Int64Array snapshots = _hasher.HashColumn(batch);
        SelectRows(batch, MemoryMarshal.Cast<long, ulong>(snapshots.Values));
        HashTime.Stop();
        _pages.Clear();
        if (_runs.Count == 0) return;

        var columns = new IArrowArray[batch.ColumnCount + 1];
        for (int c = 0; c < batch.ColumnCount; c++) columns[c] = batch.Column(c);
        columns[^1] = snapshots;
        var withSnapshot = new RecordBatch(writer.Schema, columns, rows);
        // The batch shares the extracted buffers (disposed with the extracted batch by the caller): not disposed here.
        WriteTime.Start();
        if (_runs is [(0, var all)] && all == rows)
        {
            await writer.WriteAsync(withSnapshot, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach ((int start, int length) in _runs)
                await writer.WriteAsync(withSnapshot.Slice(start, length), cancellationToken).ConfigureAwait(false);
        }
        WriteTime.Stop();
    }

    /// <summary>Runs the key index over the batch and leaves the runs of rows to keep in <see cref="_runs"/>.</summary>
    private void SelectRows(RecordBatch batch, ReadOnlySpan<ulong> snapshots)
    {
        int rows = batch.Length;
        if (_keyHashes.Length < rows)
        {
            _keyHashes = new ulong[rows];
            _hasKey = new bool[rows];
        }
        Span<ulong> keys = _keyHashes.AsSpan(0, rows);
        Span<bool> hasKey = _hasKey.AsSpan(0, rows);
        _keys.Hash(batch, keys, hasKey);

        _runs.Clear();
        int runStart = -1;
        int page = 0;
        int record = 0;
        for (int row = 0; row < rows; row++, record++)
        {
            while (page < _pages.Count && record >= _pages[page].Records)
            {
                page++;
                record = 0;
            }
            int ordinal = page < _pages.Count ? _pages[page].Ordinal : -1;
            bool keep = Keep(batch, row, keys[row], hasKey[row], snapshots[row], ordinal, record);
            if (keep && runStart < 0) runStart = row;
            else if (!keep && runStart >= 0)
            {
                _runs.Add((runStart, row - runStart));
                runStart = -1;
            }
        }
        if (runStart >= 0) _runs.Add((runStart, rows - runStart));
    }

    private bool Keep(RecordBatch batch, int row, ulong key, bool hasKey, ulong snapshot, int ordinal, int record)
    {
        if (!hasKey)
        {
            NullKeyRows++;
            return true;
        }
        KeyOutcome outcome = _index.Add(key, snapshot);
        if (outcome == KeyOutcome.New) return true;
        if (outcome == KeyOutcome.Duplicate)
        {
            DuplicateRows++;
            return false;
        }
        ConflictingRows++;
        if (_conflictedKeys.Add(key))
        {
            ConflictingKeys++;
            if (_pending.Count < maxConflictDetails) _pending.Add(new PendingConflict(KeyText(batch, row), key, ordinal, record));
        }
        return false;
    }

    private string KeyText(RecordBatch batch, int row) =>
        string.Join("|", _keys.Columns.Select(c => ArrowValueFormatter.Format(batch.Column(c), row) ?? "null"));

    private void Merge(ExtractionReport report)
    {
        PagesWithoutRecords += report.PagesWithoutRecords.Count;
        SkippedRecords += report.SkippedRecords;
        foreach (ColumnFailures failures in report.Failures)
        {
            if (!_failures.TryGetValue(failures.Column, out var merged)) merged = (0, []);
            foreach (FailureSample sample in failures.Samples)
                if (merged.Samples.Count < MaxFailureSamples) merged.Samples.Add(sample);
            _failures[failures.Column] = (merged.Count + failures.Count, merged.Samples);
        }
        foreach (UnknownField field in report.UnknownFields)
            _unknown[field.Path] = _unknown.GetValueOrDefault(field.Path) + field.Count;
        foreach (InvalidPage page in report.InvalidPages)
        {
            string label = page.Page ?? "unlabelled page";
            int cut = label.LastIndexOf(" page ", StringComparison.Ordinal);
            string subResource = cut > 0 ? label[..cut] : "";
            _quarantined.Add(new QuarantinedPage(subResource, label, page.Reason, page.Bytes.Length));
            _quarantineSubResource.Append(subResource);
            _quarantinePage.Append(label);
            _quarantineReason.Append(page.Reason);
            _quarantineBody.Append(page.Bytes.Span);
        }
    }

    public async Task FlushQuarantineAsync(CancellationToken cancellationToken)
    {
        int rows = _quarantineBody.Length;
        if (rows == 0) return;
        IArrowArray[] columns =
        [
            ArrowColumns.Constant(partitionDate, rows),
            _quarantineSubResource.Build(),
            _quarantinePage.Build(),
            _quarantineReason.Build(),
            _quarantineBody.Build(),
        ];
        // The body column shares the builder's bytes: written before the builders are cleared for the next pages.
        using (var batch = new RecordBatch(QuarantineTier.Schema, columns, rows))
        {
            await quarantineWriter.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        _quarantineSubResource.Clear();
        _quarantinePage.Clear();
        _quarantineReason.Clear();
        _quarantineBody.Clear();
    }

    public IReadOnlyList<ColumnFailures> CoercionFailures() =>
        [.. _failures.Select(f => new ColumnFailures(f.Key, f.Value.Count, f.Value.Samples)).OrderByDescending(f => f.Count).ThenBy(f => f.Column, StringComparer.Ordinal)];

    public IReadOnlyList<UnknownField> UnknownFields() =>
        [.. _unknown.Select(u => new UnknownField(u.Key, u.Value)).OrderByDescending(u => u.Count).ThenBy(u => u.Path, StringComparer.Ordinal)];

    public void Dispose() => _index.Dispose();
}
