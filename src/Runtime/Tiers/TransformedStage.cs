using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers;

/// <summary>
/// The transformed tier: streams a committed raw partition through an entity's generated extractor, adds
/// <c>_snapshot</c> to every row, drops rows whose key was already seen, and writes the entity's table partition in
/// chunks; pages that are not JSON go to <c>&lt;table&gt;_quarantine</c> with their bytes. It never touches the
/// upstream, so it can be re-run (replayed) from the raw partition at any time.
/// </summary>
/// <remarks>
/// <para><b>Memory</b>: raw pages are read one at a time (<see cref="RawPageReader"/>: each body is a view of the
/// data page parquet-cpp decompressed, outside the managed heap); the extractor holds one batch
/// (<see cref="TransformedStageOptions.ExtractBatchRows"/>); the writer holds one row group of
/// <see cref="TransformedStageOptions.WriteChunkRows"/> rows, encoded and compressed as it fills, and up to 8,192
/// rows gathered to hand over at once; the key index holds about 11 bytes per distinct key, in native memory
/// (<see cref="KeyIndex"/>: 2.7 MB for 250,000 keys). Nothing grows with the partition but the key index.</para>
/// <para><b>Keys</b>: rows are taken in raw page order (the raw partition's order: sub-resources as fetched, pages in
/// page order, records in page order). The first row of a key wins and is written; a later row with the same key is
/// dropped from the output, and counted as a duplicate when its <c>_snapshot</c> equals the winner's or as a conflict
/// when it differs. Conflicts are all counted (rows and keys); the fields that differ are reported for the first
/// <see cref="TransformedStageOptions.MaxConflictDetails"/> conflicting keys, after the main pass, by reading the raw
/// partition again from the start until both rows of each are found (only when there are conflicts). Rows whose key
/// has a null column are kept.</para>
/// <para><b>Failures</b>: raw rows whose outcome is a failure are counted, not extracted; coercion failures are merged
/// per column from the batch reports.</para>
/// </remarks>
public static class TransformedStage
{
    public static async Task<TransformedStageReport> RunAsync<TEntity>(DateOnly partitionDate, string warehouse, TransformedStageOptions options, CancellationToken cancellationToken = default)
        where TEntity : IEntity
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WriteChunkRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConflictDetails, 0);

        using var memory = new MemorySampler();
        long started = Stopwatch.GetTimestamp();
        EntityDescriptor descriptor = TEntity.Descriptor;
        RowKeyHasher.CheckKey(descriptor);
        string tableName = options.Table ?? descriptor.Table;
        TableStoreOptions storeOptions = (options.Store ?? new TableStoreOptions { GitSha = TableStoreOptions.GitShaFromEnvironment() }) with
        {
            RowGroupRows = options.WriteChunkRows,
        };
        var store = new TableStore(warehouse, storeOptions);
        Table raw = store.OpenTable(options.RawNamespace, options.RawTable);
        if (raw.ReadManifest(partitionDate) is null)
        {
            throw new InvalidOperationException(
                $"Raw table {options.RawNamespace}/{options.RawTable} has no committed partition {partitionDate:yyyy-MM-dd}; run the raw stage for that date first.");
        }
        Table output = store.OpenTable(options.Namespace, tableName);
        Table quarantine = store.OpenTable(options.Namespace, QuarantineTier.TableFor(tableName));

        var outputSchema = new Schema.Builder();
        foreach (Field field in descriptor.Schema.FieldsList) outputSchema.Field(field);
        outputSchema.Field(Hashing.SnapshotHasher.Field);

        await using PartitionWriter writer = output.CreatePartitionWriter(partitionDate, outputSchema.Build());
        await using PartitionWriter quarantineWriter = quarantine.CreatePartitionWriter(partitionDate, QuarantineTier.Schema);
        using var transform = new EntityTransform(descriptor, writer, quarantineWriter, partitionDate, options.MaxConflictDetails);
        EntityExtractor extractor = TEntity.CreateExtractor(options.ExtractBatchRows);

        var extractTime = new Stopwatch();
        var readTime = new Stopwatch();
        using (RawPageReader pages = RawPageReader.Open(raw, partitionDate))
        {
            for (int ordinal = 0; ; ordinal++)
            {
                readTime.Start();
                bool more = pages.MoveNext();
                readTime.Stop();
                if (!more) break;
                cancellationToken.ThrowIfCancellationRequested();
                transform.RowsIn++;
                if (pages.Failed)
                {
                    transform.FailedPages++;
                    continue;
                }
                ReadOnlySpan<byte> body = pages.Body;
                transform.BytesIn += body.Length;
                extractTime.Start();
                int records = extractor.AppendPage(body, PageLabel(pages.SubResource, pages.PageNumber));
                extractTime.Stop();
                transform.PageAppended(ordinal, records);
                if (extractor.HasFullBatch) await TakeBatchAsync(extractor, transform, extractTime, cancellationToken).ConfigureAwait(false);
                if (ordinal % 64 == 63) memory.Sample(); // every 64 pages, besides the sampler's own timer
            }
        }
        await TakeBatchAsync(extractor, transform, extractTime, cancellationToken).ConfigureAwait(false);
        await transform.FlushQuarantineAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan mainPass = Stopwatch.GetElapsedTime(started);

        long detailsStarted = Stopwatch.GetTimestamp();
        IReadOnlyList<KeyConflict> details = ResolveConflictDetails<TEntity>(raw, partitionDate, transform.PendingConflicts, descriptor, cancellationToken);
        TimeSpan detailsTime = Stopwatch.GetElapsedTime(detailsStarted);

        long commitStarted = Stopwatch.GetTimestamp();
        PartitionManifest manifest = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        await quarantineWriter.CommitAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan commit = Stopwatch.GetElapsedTime(commitStarted);

        return new TransformedStageReport
        {
            Table = $"{options.Namespace}/{tableName}",
            QuarantineTable = $"{options.Namespace}/{QuarantineTier.TableFor(tableName)}",
            PartitionDate = partitionDate,
            CommitId = manifest.CommitId,
            RowsIn = transform.RowsIn,
            RowsOut = manifest.RowCount,
            RowsExtracted = transform.RowsExtracted,
            FailedPages = transform.FailedPages,
            QuarantinedPages = transform.Quarantined,
            CoercionFailures = transform.CoercionFailures(),
            UnknownFields = transform.UnknownFields(),
            PagesWithoutRecords = transform.PagesWithoutRecords,
            SkippedRecords = transform.SkippedRecords,
            DuplicateRows = transform.DuplicateRows,
            ConflictingRows = transform.ConflictingRows,
            ConflictingKeys = transform.ConflictingKeys,
            ConflictDetails = details,
            NullKeyRows = transform.NullKeyRows,
            BytesIn = transform.BytesIn,
            FileBytes = manifest.Files.Sum(f => f.Bytes),
            SchemaDifferences = output.SchemaDifferences(partitionDate),
            Timings = new StageTimings(Stopwatch.GetElapsedTime(started),
            [
                new StagePhase("read, extract, hash and write", mainPass),
                new StagePhase("of which read raw", readTime.Elapsed),
                new StagePhase("of which extract", extractTime.Elapsed),
                new StagePhase("of which hash and key index", transform.HashTime.Elapsed),
                new StagePhase("of which write", transform.WriteTime.Elapsed),
                new StagePhase("conflict details", detailsTime),
                new StagePhase("commit", commit),
            ]),
            Memory = memory.Stop(),
        };
    }

    /// <summary>How pages are named in reports and the quarantine table: <c>&lt;sub_resource&gt; page &lt;n&gt;</c>.</summary>
    public static string PageLabel(string subResource, int pageNumber) => $"{subResource} page {pageNumber}";

    private static async Task TakeBatchAsync(EntityExtractor extractor, EntityTransform transform, Stopwatch extractTime, CancellationToken cancellationToken)
    {
        extractTime.Start();
        ExtractedBatch batch = extractor.TakeBatch();
        extractTime.Stop();
        using (batch)
        {
            await transform.AddAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the raw partition again from the start and extracts its pages until every detailed conflict has both rows:
    /// the winner is the first row with the conflict's key (the key index keeps no locations, to stay small), the
    /// dropped row is at the page and record noted during the main pass. Only runs when there are conflicts.
    /// </summary>
    private static IReadOnlyList<KeyConflict> ResolveConflictDetails<TEntity>(Table raw, DateOnly partitionDate, IReadOnlyList<PendingConflict> pending, EntityDescriptor descriptor, CancellationToken cancellationToken)
        where TEntity : IEntity
    {
        if (pending.Count == 0) return [];
        string[] names = [.. descriptor.Schema.FieldsList.SelectMany(field => ComparedNames(field.Name, field.DataType))];
        var others = new Dictionary<int, List<int>>();
        foreach (PendingConflict conflict in pending)
        {
            if (!others.TryGetValue(conflict.OtherPage, out List<int>? records)) others[conflict.OtherPage] = records = [];
            if (!records.Contains(conflict.OtherRecord)) records.Add(conflict.OtherRecord);
        }
        int lastOtherPage = others.Keys.Max();
        var winners = new Dictionary<ulong, (string Page, int Record, string?[] Values)?>();
        foreach (PendingConflict conflict in pending) winners[conflict.KeyHash] = null;
        int unresolved = winners.Count;
        var otherValues = new Dictionary<(int Page, int Record), string?[]>();
        var labels = new Dictionary<int, string>();
        var keys = new RowKeyHasher(descriptor.Schema, descriptor.Key);
        EntityExtractor extractor = TEntity.CreateExtractor();

        using (RawPageReader pages = RawPageReader.Open(raw, partitionDate))
        {
            for (int ordinal = 0; (unresolved > 0 || ordinal <= lastOtherPage) && pages.MoveNext(); ordinal++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pages.Failed) continue;
                string label = PageLabel(pages.SubResource, pages.PageNumber);
                extractor.AppendPage(pages.Body, label);
                using ExtractedBatch page = extractor.TakeBatch();
                if (page.Length == 0) continue;
                var hashes = new ulong[page.Length];
                var hasKey = new bool[page.Length];
                keys.Hash(page.Batch, hashes, hasKey);
                for (int record = 0; record < page.Length && unresolved > 0; record++)
                {
                    if (!hasKey[record] || !winners.TryGetValue(hashes[record], out var winner) || winner is not null) continue;
                    winners[hashes[record]] = (label, record, RowValues(page.Batch, record));
                    unresolved--;
                }
                if (others.TryGetValue(ordinal, out List<int>? records))
                {
                    labels[ordinal] = label;
                    foreach (int record in records) otherValues[(ordinal, record)] = RowValues(page.Batch, record);
                }
            }
        }

        var details = new List<KeyConflict>(pending.Count);
        foreach (PendingConflict conflict in pending)
        {
            (string winnerPage, int winnerRecord, string?[] winner) = winners[conflict.KeyHash]
                ?? throw new InvalidDataException($"The first row with key {conflict.Key} was not found again in the raw partition; was it rewritten during the stage?");
            string?[] other = otherValues[(conflict.OtherPage, conflict.OtherRecord)];
            var fields = new List<FieldDifference>();
            for (int c = 0; c < winner.Length; c++)
                if (!string.Equals(winner[c], other[c], StringComparison.Ordinal))
                    fields.Add(new FieldDifference(names[c], winner[c], other[c]));
            details.Add(new KeyConflict(conflict.Key, winnerPage, winnerRecord, labels[conflict.OtherPage], conflict.OtherRecord, fields));
        }
        return details;

        string?[] RowValues(RecordBatch batch, int record)
        {
            var values = new List<string?>(names.Length);
            for (int c = 0; c < batch.ColumnCount; c++) AddComparedValues(values, batch.Column(c), record);
            return [.. values];
        }
    }

    /// <summary>
    /// What a conflict compares of a column: its value; for a struct, whether it is there and then each field, named
    /// <c>struct.field</c>, so a difference names the field (<c>monday_hours.open_time</c>), not the whole struct.
    /// </summary>
    private static IEnumerable<string> ComparedNames(string name, IArrowType type) => type is StructType structType
        ? [name, .. structType.Fields.SelectMany(field => ComparedNames(name + "." + field.Name, field.DataType))]
        : [name];

    /// <summary>The texts <see cref="ComparedNames"/> names, for one row: a struct is <c>{…}</c> or null, its fields null under a null struct.</summary>
    private static void AddComparedValues(List<string?> values, IArrowArray array, int row)
    {
        if (array is not StructArray structs)
        {
            values.Add(ArrowValueFormatter.Format(array, row));
            return;
        }
        bool present = structs.IsValid(row);
        values.Add(present ? "{…}" : null);
        var type = (StructType)structs.Data.DataType;
        for (int f = 0; f < type.Fields.Count; f++)
        {
            if (present) AddComparedValues(values, structs.Fields[f], structs.Offset + row);
            else values.AddRange(ComparedNames("", type.Fields[f].DataType).Select(_ => (string?)null));
        }
    }
}
