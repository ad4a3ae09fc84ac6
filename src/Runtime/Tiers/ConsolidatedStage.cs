using System.Collections;
using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Hashing;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers;

/// <summary>
/// The consolidated tier, today against history: merges a day's transformed partition with the consolidated
/// partition before it into a partition that holds every key ever seen, with its latest values and
/// <c>first_seen</c>, <c>last_seen</c>, <c>last_changed</c> and <c>is_active</c> (<see cref="ConsolidatedTier"/>).
/// A vehicle sold today stays in the table, inactive, with the values it was last seen with.
/// </summary>
/// <remarks>
/// <para><b>Rules</b>, per key (the entity's key columns): a key in today's source takes today's values, is active,
/// and was last seen today; it was first seen on its history's <c>first_seen</c>, or today when new; it last changed
/// today when it is new or its <c>_snapshot</c> differs from its history's, else on its history's
/// <c>last_changed</c>. A key in the history and not in today's source is carried as it was, inactive. Source rows
/// with a null key column have no history: each day writes them as new. The history is the latest consolidated
/// partition before the date, so re-running a date gives the same partition; re-running an earlier date leaves the
/// later partitions built on the history it replaced (<see cref="ConsolidatedStageReport.LaterPartitions"/>): re-run
/// them in date order. Source partitions between the history and the date that were never consolidated are named
/// (<see cref="ConsolidatedStageReport.SkippedSourcePartitions"/>): the keys seen only then are not in the history.
/// A gone key is carried for <see cref="ConsolidatedStageOptions.KeepGoneDays"/> after it was last seen, for ever by
/// default. A page that failed upstream holds keys the day does not see: they read as gone, so the day's raw pages
/// without records are counted (<see cref="ConsolidatedStageReport.PagesWithoutRecords"/>).</para>
/// <para><b>Whole columns, bounded memory.</b> Three streaming passes, a row group at a time: the history's key,
/// snapshot and date columns (the others are not read) into an index (key hash → its first seen, last changed, snapshot
/// and whether it was active, and each history row's key: ~50 bytes a key, 12 MB for 250,000); today's rows through the
/// index, each batch written with its four history columns computed column-wise; then the whole history again, writing
/// the runs of rows whose key today did not have. No row object, and nothing that grows with the data but the index.
/// Two different keys share a 64-bit key hash with probability about n²/2⁶⁵ (2·10⁻⁹ for 250,000 keys).</para>
/// <para><b>Several sources</b> (<see cref="ConsolidatedStageOptions.OtherSources"/>) are merged per key before the
/// history is applied, column by column by <see cref="FieldPolicy"/> (<see cref="SourceMerge"/>): the other sources'
/// partitions are held in memory, the main one streams as above. docs/consolidation.md has the rules.</para>
/// <para><b>An entity that changed.</b> Today's partition must have the entity's columns as declared now (re-run the
/// transformed stage for the date otherwise); history written before a column was added reads as null in it, and a
/// column the entity dropped is dropped. A column whose type changed (a struct whose fields changed too) cannot be
/// carried: the error says so. Struct columns are carried like any other, by name, sliced without copying.</para>
/// </remarks>
public static class ConsolidatedStage
{
    public static async Task<ConsolidatedStageReport> RunAsync<TEntity>(DateOnly partitionDate, string warehouse, ConsolidatedStageOptions options, CancellationToken cancellationToken = default)
        where TEntity : IEntity
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.KeepGoneDays is { } keep) ArgumentOutOfRangeException.ThrowIfNegative(keep, nameof(options.KeepGoneDays));
        using var memory = new MemorySampler();
        long started = Stopwatch.GetTimestamp();
        EntityDescriptor descriptor = TEntity.Descriptor;
        RowKeyHasher.CheckKey(descriptor);
        var store = new TableStore(warehouse, options.Store ?? new TableStoreOptions { GitSha = TableStoreOptions.GitShaFromEnvironment() });
        Table source = store.OpenTable(options.SourceNamespace, options.SourceTable);
        if (source.ReadManifest(partitionDate) is null)
        {
            throw new InvalidOperationException(
                $"Transformed table {options.SourceNamespace}/{options.SourceTable} has no committed partition {partitionDate:yyyy-MM-dd}; run the transformed stage for that date first.");
        }
        string tableName = options.Table ?? options.SourceTable;
        Table output = store.OpenTable(options.Namespace, tableName);
        IReadOnlyList<DateOnly> partitions = output.Partitions();
        DateOnly? historyDate = partitions.Where(date => date < partitionDate).Select(date => (DateOnly?)date).LastOrDefault();

        Schema mainSchema = ConsolidatedTier.SourceSchema(descriptor);
        long sourcesStarted = Stopwatch.GetTimestamp();
        // Other sources or field policies (a last known value comes from the history): the columns are merged.
        using SourceMerge? merge = options.OtherSources.Count > 0 || options.FieldPolicies.Count > 0
            ? await SourceMerge.LoadAsync(descriptor, options.SourceName ?? options.SourceTable, options, store, partitionDate, cancellationToken).ConfigureAwait(false)
            : null;
        TimeSpan sourcesTime = Stopwatch.GetElapsedTime(sourcesStarted);
        Schema sourceSchema = merge?.MergedSchema ?? mainSchema;
        // One source: its transformed _snapshot is used as it is, unless columns are to be left out of it.
        SnapshotScope? rehash = merge is null && options.IgnoredInSnapshot.Count > 0 ? SnapshotScope.For(mainSchema, options.IgnoredInSnapshot, descriptor.Key) : null;
        Schema outputSchema = ConsolidatedTier.SchemaFor(sourceSchema);
        var counts = new Counts();

        long historyStarted = Stopwatch.GetTimestamp();
        using History history = historyDate is { } loadFrom
            ? await History.LoadAsync(output, loadFrom, descriptor.Key, merge?.LastKnownColumns ?? [], cancellationToken).ConfigureAwait(false)
            : History.Empty;
        if (historyDate is { } valuesFrom) merge?.UseHistory(history, $"partition {valuesFrom:yyyy-MM-dd} of {output.Namespace}/{output.Name}");
        TimeSpan historyTime = Stopwatch.GetElapsedTime(historyStarted);

        await using PartitionWriter writer = output.CreatePartitionWriter(partitionDate, outputSchema);

        long todayStarted = Stopwatch.GetTimestamp();
        var keys = new RowKeyHasher(sourceSchema, descriptor.Key);
        int snapshotColumn = sourceSchema.GetFieldIndex(SnapshotHasher.ColumnName);
        await foreach (RecordBatch batch in source.ReadPartitionAsync(partitionDate, cancellationToken).ConfigureAwait(false))
        {
            using (batch)
            {
                CheckSource(batch.Schema, mainSchema, source, partitionDate);
                using RecordBatch? withOtherSources = merge?.MergeMain(batch) ?? rehash?.Rehash(batch);
                using RecordBatch merged = MergeToday(withOtherSources ?? batch, outputSchema, keys, snapshotColumn, history, partitionDate, counts);
                await writer.WriteAsync(merged, cancellationToken).ConfigureAwait(false);
            }
        }
        // Keys only other sources have today (a vehicle the dealer feed lists before the public inventory does).
        foreach (RecordBatch batch in merge?.Remaining() ?? [])
        {
            using (batch)
            {
                using RecordBatch merged = MergeToday(batch, outputSchema, keys, snapshotColumn, history, partitionDate, counts);
                await writer.WriteAsync(merged, cancellationToken).ConfigureAwait(false);
            }
        }
        TimeSpan todayTime = Stopwatch.GetElapsedTime(todayStarted);

        long carryStarted = Stopwatch.GetTimestamp();
        if (historyDate is { } carryFrom)
        {
            int expiresBefore = ExpiresBefore(partitionDate, options.KeepGoneDays);
            long firstRow = 0;
            await foreach (RecordBatch batch in output.ReadPartitionAsync(carryFrom, cancellationToken).ConfigureAwait(false))
            {
                using (batch)
                {
                    await CarryAsync(batch, firstRow, outputSchema, history, expiresBefore, writer, counts, output, carryFrom, cancellationToken).ConfigureAwait(false);
                    firstRow += batch.Length;
                }
            }
        }
        TimeSpan carryTime = Stopwatch.GetElapsedTime(carryStarted);

        (long pagesWithoutRecords, IReadOnlyList<string> subResourcesWithoutRecords) = options.RawTable is { } rawTable
            ? await PagesWithoutRecordsAsync(store.OpenTable(options.RawNamespace, rawTable), partitionDate, cancellationToken).ConfigureAwait(false)
            : (0, []);

        long commitStarted = Stopwatch.GetTimestamp();
        PartitionManifest manifest = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan commit = Stopwatch.GetElapsedTime(commitStarted);

        return new ConsolidatedStageReport
        {
            Table = $"{options.Namespace}/{tableName}",
            Source = $"{options.SourceNamespace}/{options.SourceTable}",
            Sources = merge is null || options.OtherSources.Count == 0 ? [] : [.. merge.Names.Select((name, s) => new ConsolidatedSourceReport(
                name, s == 0 ? $"{options.SourceNamespace}/{options.SourceTable}" : $"{options.OtherSources[s - 1].Namespace}/{options.OtherSources[s - 1].TableName}",
                merge.Rows[s], merge.KeysOnlyHere[s], merge.RepeatedKeyRows[s]))],
            MergedColumns = merge?.ColumnReports ?? [],
            PartitionDate = partitionDate,
            HistoryDate = historyDate,
            CommitId = manifest.CommitId,
            RowsIn = counts.RowsIn,
            HistoryRows = history.Rows,
            RowsOut = manifest.RowCount,
            Columns = outputSchema.FieldsList.Count,
            NewKeys = counts.New,
            ChangedKeys = counts.Changed,
            UnchangedKeys = counts.Unchanged,
            ReturnedKeys = counts.Returned,
            GoneKeys = counts.Gone,
            StillGoneKeys = counts.StillGone,
            ExpiredKeys = counts.Expired,
            NullKeyRows = counts.NullKey,
            LaterPartitions = [.. partitions.Where(date => date > partitionDate)],
            PagesWithoutRecords = pagesWithoutRecords,
            SubResourcesWithoutRecords = subResourcesWithoutRecords,
            SkippedSourcePartitions = [.. source.Partitions().Where(date => date < partitionDate && (historyDate is not { } from || date > from))],
            FileBytes = manifest.Files.Sum(f => f.Bytes),
            Timings = new StageTimings(Stopwatch.GetElapsedTime(started),
            [
                new StagePhase("read the other sources", sourcesTime),
                new StagePhase("read the history's keys", historyTime),
                new StagePhase("merge today's rows", todayTime),
                new StagePhase("carry the gone keys", carryTime),
                new StagePhase("commit", commit),
            ]),
            Memory = memory.Stop(),
        };
    }

    /// <summary>The raw partition's pages whose outcome is not <c>fetched</c> (two of its columns read), and their sub-resources.</summary>
    private static async Task<(long Pages, IReadOnlyList<string> SubResources)> PagesWithoutRecordsAsync(Table raw, DateOnly date, CancellationToken cancellationToken)
    {
        if (raw.ReadManifest(date) is null) return (0, []);
        long pages = 0;
        var subResources = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (RecordBatch batch in raw.ReadPartitionAsync(date, [RawTier.Outcome, RawTier.SubResource], cancellationToken).ConfigureAwait(false))
        {
            using (batch)
            {
                var outcomes = (StringArray)batch.Column(RawTier.Outcome);
                var names = (StringArray)batch.Column(RawTier.SubResource);
                for (int row = 0; row < batch.Length; row++)
                {
                    if (outcomes.GetBytes(row).SequenceEqual("fetched"u8)) continue;
                    pages++;
                    subResources.Add(names.GetString(row));
                }
            }
        }
        return (pages, [.. subResources]);
    }

    private static int DayNumber(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The day number before which a gone key's <c>last_seen</c> no longer keeps it carried.</summary>
    private static int ExpiresBefore(DateOnly partitionDate, int? keepGoneDays) =>
        keepGoneDays is { } days ? DayNumber(partitionDate) - days : int.MinValue;

    /// <summary>Today's batch with its four history columns: looked up by key hash, computed for the whole batch.</summary>
    private static RecordBatch MergeToday(RecordBatch batch, Schema outputSchema, RowKeyHasher keys, int snapshotColumn, History history, DateOnly partitionDate, Counts counts)
    {
        int today = DayNumber(partitionDate);
        int rows = batch.Length;
        var hashes = new ulong[rows];
        var hasKey = new bool[rows];
        keys.Hash(batch, hashes, hasKey);
        ReadOnlySpan<long> snapshots = ArrowSpans.Values<long>(batch.Column(snapshotColumn).Data);
        var firstSeen = new int[rows];
        var lastChanged = new int[rows];
        for (int row = 0; row < rows; row++)
        {
            firstSeen[row] = lastChanged[row] = today;
            if (!hasKey[row])
            {
                counts.NullKey++;
                continue;
            }
            if (!history.TryFind(hashes[row], out int slot))
            {
                counts.New++;
                continue;
            }
            history.SeenToday[slot] = true;
            firstSeen[row] = history.FirstSeen[slot];
            if (!history.WasActive[slot]) counts.Returned++;
            if (history.Snapshot[slot] == snapshots[row])
            {
                counts.Unchanged++;
                lastChanged[row] = history.LastChanged[slot];
            }
            else
            {
                counts.Changed++;
            }
        }
        counts.RowsIn += rows;
        var columns = new List<IArrowArray>(outputSchema.FieldsList.Count);
        for (int c = 0; c < batch.ColumnCount; c++) columns.Add(batch.Column(c));
        columns.Add(ArrowColumns.Dates(firstSeen));
        columns.Add(ArrowColumns.Constant(partitionDate, rows));
        columns.Add(ArrowColumns.Dates(lastChanged));
        columns.Add(ArrowColumns.Constant(true, rows));
        return new RecordBatch(outputSchema, columns, rows);
    }

    /// <summary>Writes the history rows whose key today's source did not have, inactive, in runs of neighbouring rows.</summary>
    private static async Task CarryAsync(RecordBatch batch, long firstRow, Schema outputSchema, History history, int expiresBefore,
        PartitionWriter writer, Counts counts, Table output, DateOnly historyDate, CancellationToken cancellationToken)
    {
        int rows = batch.Length;
        var carried = new bool[rows];
        for (int row = 0; row < rows; row++)
        {
            int slot = history.SlotOfRow[firstRow + row];
            if (slot < 0 || history.SeenToday[slot]) continue;
            if (history.LastSeen[slot] < expiresBefore)
            {
                counts.Expired++;
                continue;
            }
            carried[row] = true;
            if (history.WasActive[slot]) counts.Gone++;
            else counts.StillGone++;
        }
        if (System.Array.IndexOf(carried, true) < 0) return;

        using RecordBatch inactive = Conform(batch, outputSchema, output, historyDate);
        for (int start = 0; start < rows;)
        {
            if (!carried[start])
            {
                start++;
                continue;
            }
            int end = start;
            while (end < rows && carried[end]) end++;
            await writer.WriteAsync(start == 0 && end == rows ? inactive : inactive.Slice(start, end - start), cancellationToken).ConfigureAwait(false);
            start = end;
        }
    }

    /// <summary>
    /// A history batch under today's schema, matched by column name: a column the history lacks reads as null, one the
    /// entity no longer has is left out, and <c>is_active</c> is false. Columns are carried as they are (a slice stays
    /// a slice, a struct keeps its children); one whose type differs, a struct's fields included, is an error.
    /// </summary>
    internal static RecordBatch Conform(RecordBatch batch, Schema outputSchema, Table output, DateOnly historyDate)
    {
        var columns = new IArrowArray[outputSchema.FieldsList.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            Field field = outputSchema.FieldsList[c];
            if (field.Name == ConsolidatedTier.IsActive)
            {
                columns[c] = ArrowColumns.Constant(false, batch.Length);
                continue;
            }
            int index = batch.Schema.GetFieldIndex(field.Name);
            if (index < 0)
            {
                columns[c] = ArrowColumns.AllNull(field.DataType, batch.Length);
                continue;
            }
            // Struct types are spelled with their fields: a struct whose fields changed is a retyped column.
            string had = SchemaFingerprint.TypeName(batch.Schema.FieldsList[index].DataType);
            string wants = SchemaFingerprint.TypeName(field.DataType);
            if (had != wants)
            {
                throw new InvalidDataException(
                    $"Column {field.Name} is {wants} now and {had} in partition {historyDate:yyyy-MM-dd} of {output.Namespace}/{output.Name}, the history this date continues: " +
                    "a consolidated table cannot carry a column whose type changed. Give the column a new name in the entity, or start a new consolidated table.");
            }
            columns[c] = batch.Column(index);
        }
        return new RecordBatch(outputSchema, columns, batch.Length);
    }

    /// <summary>Today's partition must have the entity's columns as declared now, struct fields included.</summary>
    internal static void CheckSource(Schema actual, Schema expected, Table source, DateOnly partitionDate)
    {
        if (SchemaFingerprint.Compute(actual) == SchemaFingerprint.Compute(expected)) return;
        throw new InvalidDataException(
            $"Partition {partitionDate:yyyy-MM-dd} of {source.Namespace}/{source.Name} was written with other columns than the entity declares now; " +
            "re-run the transformed stage for that date first, so it is written with the entity as it is.");
    }

    private sealed class Counts
    {
        public long RowsIn, New, Changed, Unchanged, Returned, Gone, StillGone, Expired, NullKey;
    }

    /// <summary>
    /// The history partition's keys (read with the columns they need, not the whole partition): for each, its first
    /// seen, last seen, last changed, snapshot and whether it was active; and each history row's key, for the pass that carries them.
    /// </summary>
    private sealed class History : IKeyHistory, IDisposable
    {
        private readonly Dictionary<ulong, int> _slots;
        private readonly List<RecordBatch> _kept = [];

        private History(int capacity)
        {
            _slots = new Dictionary<ulong, int>(capacity);
            FirstSeen = new int[capacity];
            LastChanged = new int[capacity];
            LastSeen = new int[capacity];
            Snapshot = new long[capacity];
            WasActive = new BitArray(capacity);
            SeenToday = new BitArray(capacity);
            SlotOfRow = new int[capacity];
            RowOfSlot = new long[capacity];
        }

        public static History Empty { get; } = new(0);

        public long Rows { get; private set; }

        public int[] FirstSeen { get; }

        public int[] LastChanged { get; }

        public int[] LastSeen { get; }

        public long[] Snapshot { get; }

        public BitArray WasActive { get; }

        public BitArray SeenToday { get; }

        /// <summary>For each row of the history partition, in file order, its key's slot; -1 for a row without a key.</summary>
        public int[] SlotOfRow { get; }

        /// <summary>For each slot, its row among the kept batches (batch index &lt;&lt; 32 | row).</summary>
        private long[] RowOfSlot { get; }

        public Schema? Schema => _kept.Count > 0 ? _kept[0].Schema : null;

        public bool TryFind(ulong keyHash, out int slot) => _slots.TryGetValue(keyHash, out slot);

        public long Locate(ulong keyHash) => _kept.Count > 0 && _slots.TryGetValue(keyHash, out int slot) ? RowOfSlot[slot] : -1;

        public RecordBatch Batch(int index) => _kept[index];

        /// <param name="valueColumns">Columns whose values are kept too (for last known values): the history's batches are then held.</param>
        public static async Task<History> LoadAsync(Table table, DateOnly date, IReadOnlyList<string> keyColumns, IReadOnlyList<string> valueColumns, CancellationToken cancellationToken)
        {
            PartitionManifest manifest = table.ReadManifest(date)!;
            var history = new History(checked((int)manifest.RowCount));
            string[] columns = [.. keyColumns, SnapshotHasher.ColumnName, ConsolidatedTier.FirstSeen, ConsolidatedTier.LastSeen, ConsolidatedTier.LastChanged, ConsolidatedTier.IsActive, .. valueColumns];
            try
            {
                await foreach (RecordBatch batch in table.ReadPartitionAsync(date, columns, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        history.Add(batch, keyColumns, table, date);
                    }
                    catch
                    {
                        batch.Dispose();
                        throw;
                    }
                    if (valueColumns.Count > 0) history._kept.Add(batch);
                    else batch.Dispose();
                }
            }
            catch
            {
                history.Dispose();
                throw;
            }
            return history;
        }

        public void Dispose()
        {
            foreach (RecordBatch batch in _kept) batch.Dispose();
            _kept.Clear();
        }

        private void Add(RecordBatch batch, IReadOnlyList<string> keyColumns, Table table, DateOnly date)
        {
            int rows = batch.Length;
            var hashes = new ulong[rows];
            var hasKey = new bool[rows];
            new RowKeyHasher(batch.Schema, keyColumns).Hash(batch, hashes, hasKey);
            ReadOnlySpan<int> firstSeen = ArrowSpans.Values<int>(Column(ConsolidatedTier.FirstSeen).Data);
            ReadOnlySpan<int> lastSeen = ArrowSpans.Values<int>(Column(ConsolidatedTier.LastSeen).Data);
            ReadOnlySpan<int> lastChanged = ArrowSpans.Values<int>(Column(ConsolidatedTier.LastChanged).Data);
            ReadOnlySpan<long> snapshots = ArrowSpans.Values<long>(Column(SnapshotHasher.ColumnName).Data);
            ArrayData active = Column(ConsolidatedTier.IsActive).Data;
            ReadOnlySpan<byte> activeBits = active.Buffers[1].Span;
            for (int row = 0; row < rows; row++)
            {
                long ordinal = Rows + row;
                SlotOfRow[ordinal] = -1;
                if (!hasKey[row]) continue; // a row without a key has no history
                int slot = _slots.Count;
                if (!_slots.TryAdd(hashes[row], slot)) continue; // a repeated key (never written): its first row is carried
                SlotOfRow[ordinal] = slot;
                RowOfSlot[slot] = ((long)_kept.Count << 32) | (uint)row;
                FirstSeen[slot] = firstSeen[row];
                LastSeen[slot] = lastSeen[row];
                LastChanged[slot] = lastChanged[row];
                Snapshot[slot] = snapshots[row];
                WasActive[slot] = ArrowSpans.Bit(activeBits, active.Offset + row);
            }
            Rows += rows;

            IArrowArray Column(string name)
            {
                int index = batch.Schema.GetFieldIndex(name);
                return index >= 0 ? batch.Column(index)
                    : throw new InvalidDataException($"Partition {date:yyyy-MM-dd} of {table.Namespace}/{table.Name} has no column {name}: it is not a consolidated table's partition.");
            }
        }
    }
}
