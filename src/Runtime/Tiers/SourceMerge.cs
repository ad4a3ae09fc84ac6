using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers;

/// <summary>
/// The consolidated stage's sources of one day, merged per key: the main source streamed a batch at a time, the other
/// sources' partitions held in memory and indexed by key hash (a hash join, built on the other sources and probed with
/// the main one). Each merged batch has the value columns (the main entity's, then those only other sources have),
/// <c>_sources</c> (with other sources) and a <c>_snapshot</c> computed over the merged values (<see cref="SnapshotScope"/>).
/// With one source it applies the field policies alone (<see cref="FieldPolicy.LastKnown"/>, from the history).
/// </summary>
/// <remarks>
/// A row is driven by the highest-ranked source that has its key: the main source's rows first, then each other
/// source's rows that no source before it had (<see cref="Remaining"/>). Every column of a merged batch is
/// gathered from its sources' arrays in runs of neighbouring rows, without a row object. Source 0 is the main
/// source; the others follow in rank order.
/// </remarks>
internal sealed class SourceMerge : IDisposable
{
    private readonly string[] _names;
    private readonly LoadedSource[] _others;
    private readonly ColumnPlan[] _plans;
    private readonly RowKeyHasher _mainKeys;
    private readonly Schema _valueSchema;
    private readonly SnapshotScope _snapshots;
    private readonly bool _writeSources;
    private IKeyHistory? _history;

    private SourceMerge(string[] names, LoadedSource[] others, ColumnPlan[] plans, RowKeyHasher mainKeys, Schema valueSchema, Schema mergedSchema, SnapshotScope snapshots)
    {
        _names = names;
        _others = others;
        _plans = plans;
        _mainKeys = mainKeys;
        _valueSchema = valueSchema;
        MergedSchema = mergedSchema;
        _snapshots = snapshots;
        _writeSources = others.Length > 0;
        Rows = new long[names.Length];
        KeysOnlyHere = new long[names.Length];
    }

    /// <summary>The value columns, <c>_sources</c> and <c>_snapshot</c>: the consolidated table's columns before its history columns.</summary>
    public Schema MergedSchema { get; }

    /// <summary>Checks the sources and their policies against each other, then reads and indexes the other sources' partitions.</summary>
    public static async Task<SourceMerge> LoadAsync(EntityDescriptor main, string mainName, ConsolidatedStageOptions options, TableStore store, DateOnly date, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConsolidationSource> otherSources = options.OtherSources;
        string[] names = [mainName, .. otherSources.Select(s => s.Name)];
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException($"Consolidation sources need distinct names; they are {string.Join(", ", names)}.", nameof(options));
        EntityDescriptor[] entities = [main, .. otherSources.Select(s => s.Entity)];
        Schema[] sourceSchemas = [.. entities.Select(ConsolidatedTier.SourceSchema)];
        foreach (ConsolidationSource other in otherSources)
        {
            if (!other.Entity.Key.SequenceEqual(main.Key, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Source {other.Name} ({other.Entity.Table}) is keyed by {string.Join(", ", other.Entity.Key)} and {mainName} by {string.Join(", ", main.Key)}: " +
                    "sources are merged by key, so they must declare the same key columns. Key the other entity by the same column names.", nameof(options));
            }
        }

        Schema valueSchema = ValueSchema(sourceSchemas, names);
        ColumnPlan[] plans = Plan(valueSchema, sourceSchemas, names, main.Key, options.FieldPolicies);
        SnapshotScope snapshots = SnapshotScope.For(valueSchema, options.IgnoredInSnapshot, main.Key);
        var merged = new Schema.Builder();
        foreach (Field field in valueSchema.FieldsList) merged.Field(field);
        if (otherSources.Count > 0) merged.Field(ConsolidatedTier.SourcesField);
        merged.Field(SnapshotHasher.Field);

        var others = new LoadedSource[otherSources.Count];
        try
        {
            for (int s = 0; s < others.Length; s++)
            {
                ConsolidationSource other = otherSources[s];
                Table table = store.OpenTable(other.Namespace, other.TableName);
                if (table.ReadManifest(date) is null)
                {
                    throw new InvalidOperationException(
                        $"Transformed table {other.Namespace}/{other.TableName} (source {other.Name}) has no committed partition {date:yyyy-MM-dd}; " +
                        "run its transformed stage for that date first, or leave the source out of the consolidation.");
                }
                others[s] = await LoadedSource.LoadAsync(table, date, sourceSchemas[s + 1], main.Key, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            foreach (LoadedSource? loaded in others) loaded?.Dispose();
            throw;
        }
        return new SourceMerge(names, others, plans, new RowKeyHasher(sourceSchemas[0], main.Key), valueSchema, merged.Build(), snapshots);
    }

    /// <summary>The columns whose policy is <see cref="FieldPolicy.LastKnown"/>: the history's values of these are needed.</summary>
    public IReadOnlyList<string> LastKnownColumns => [.. _plans.Where(p => p.Policy.Kind == FieldPolicyKind.LastKnown).Select(p => p.Name)];

    /// <summary>
    /// Where <see cref="FieldPolicy.LastKnown"/> columns find a key's value when no source has one today: the history
    /// partition's rows. Its columns must have the table's types.
    /// </summary>
    public void UseHistory(IKeyHistory history, string historyName)
    {
        foreach (ColumnPlan plan in _plans.Where(p => p.Policy.Kind == FieldPolicyKind.LastKnown))
        {
            Field? had = history.Schema?.FieldsList.FirstOrDefault(f => f.Name == plan.Name);
            plan.HistoryColumn = had is null ? -1 : history.Schema!.GetFieldIndex(plan.Name);
            if (had is not null && SchemaFingerprint.TypeName(had.DataType) != SchemaFingerprint.TypeName(plan.Type))
            {
                throw new InvalidDataException(
                    $"Column {plan.Name} is {SchemaFingerprint.TypeName(plan.Type)} now and {SchemaFingerprint.TypeName(had.DataType)} in {historyName}, the history its last known values come from: " +
                    "a consolidated table cannot carry a column whose type changed. Give the column a new name in the entity, or start a new consolidated table.");
            }
        }
        _history = history;
    }

    /// <summary>The names of all sources, main first.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Rows each source brought today (the main source's as they are merged).</summary>
    public long[] Rows { get; }

    /// <summary>For each source, the keys no source before it had (rows it drove).</summary>
    public long[] KeysOnlyHere { get; }

    /// <summary>For each other source, its rows whose key it had already given (the first one is merged).</summary>
    public long[] RepeatedKeyRows => [0, .. _others.Select(o => o.RepeatedKeyRows)];

    /// <summary>For each column more than one source has: how many merged rows took their value from each source.</summary>
    public IReadOnlyList<MergedColumnReport> ColumnReports =>
        [.. _plans.Where(p => (p.SourceCount > 1 || p.Policy.Kind == FieldPolicyKind.LastKnown) && !p.IsKey).Select(p => new MergedColumnReport(p.Name, p.Policy,
            p.ValuesFrom.Select((n, s) => (n, s)).Where(x => x.s == HistorySource ? p.Policy.Kind == FieldPolicyKind.LastKnown : p.ColumnIn[x.s] >= 0)
                .ToDictionary(x => x.s == HistorySource ? "history" : _names[x.s], x => x.n)))];

    /// <summary>The index <see cref="Pick"/> gives a value taken from the history.</summary>
    private int HistorySource => _names.Length;

    /// <summary>Merges one batch of the main source with the other sources' rows of the same keys.</summary>
    public RecordBatch MergeMain(RecordBatch batch)
    {
        int rows = batch.Length;
        var keys = new ulong[rows];
        var hasKey = new bool[rows];
        _mainKeys.Hash(batch, keys, hasKey);
        var at = NewLocations(rows);
        for (int row = 0; row < rows; row++) at[0][row] = Location(0, row);
        ProbeOthers(firstOther: 0, keys, hasKey, at);
        Rows[0] += rows;
        KeysOnlyHere[0] += rows;
        return Merge(at, rows, batch, keys, hasKey);
    }

    /// <summary>
    /// The merged rows of keys the main source did not have: each other source's rows no source before it had, in
    /// rank order, merged with the sources after it.
    /// </summary>
    public IEnumerable<RecordBatch> Remaining()
    {
        for (int s = 0; s < _others.Length; s++)
        {
            LoadedSource source = _others[s];
            Rows[s + 1] = source.TotalRows;
            for (int b = 0; b < source.Batches.Count; b++)
            {
                bool[] consumed = source.Consumed[b];
                var rowsLeft = new List<int>();
                for (int row = 0; row < consumed.Length; row++)
                {
                    if (!consumed[row]) rowsLeft.Add(row);
                }
                if (rowsLeft.Count == 0) continue;
                int rows = rowsLeft.Count;
                var keys = new ulong[rows];
                var hasKey = new bool[rows];
                for (int i = 0; i < rows; i++)
                {
                    int row = rowsLeft[i];
                    consumed[row] = true;
                    (keys[i], hasKey[i]) = (source.Keys[b][row], source.HasKey[b][row]);
                }
                var at = NewLocations(rows);
                for (int i = 0; i < rows; i++) at[s + 1][i] = Location(b, rowsLeft[i]);
                ProbeOthers(firstOther: s + 1, keys, hasKey, at);
                KeysOnlyHere[s + 1] += rows;
                yield return Merge(at, rows, mainBatch: null, keys, hasKey);
            }
        }
    }

    public void Dispose()
    {
        foreach (LoadedSource source in _others) source.Dispose();
    }

    private long[][] NewLocations(int rows)
    {
        var at = new long[_names.Length][];
        for (int s = 0; s < at.Length; s++)
        {
            at[s] = new long[rows];
            at[s].AsSpan().Fill(-1);
        }
        return at;
    }

    private static long Location(int batch, int row) => ((long)batch << 32) | (uint)row;

    /// <summary>Finds each key in the other sources from <paramref name="firstOther"/> on, and marks the rows found as merged.</summary>
    private void ProbeOthers(int firstOther, ulong[] keys, bool[] hasKey, long[][] at)
    {
        for (int s = firstOther; s < _others.Length; s++)
        {
            LoadedSource source = _others[s];
            long[] found = at[s + 1];
            for (int row = 0; row < keys.Length; row++)
            {
                if (!hasKey[row] || !source.Index.TryGetValue(keys[row], out long location)) continue;
                found[row] = location;
                source.Consumed[(int)(location >> 32)][(int)location] = true;
            }
        }
    }

    private RecordBatch Merge(long[][] at, int rows, RecordBatch? mainBatch, ulong[] keys, bool[] hasKey)
    {
        var columns = new List<IArrowArray>(MergedSchema.FieldsList.Count);
        var picks = new int[rows];
        var from = new long[rows];
        long[]? inHistory = null;
        if (_history is not null && _plans.Any(p => p.HistoryColumn >= 0))
        {
            inHistory = new long[rows];
            for (int row = 0; row < rows; row++) inHistory[row] = hasKey[row] ? _history.Locate(keys[row]) : -1;
        }
        foreach (ColumnPlan plan in _plans)
        {
            // A column only the main source has, from a main batch (every row of which is the main source's): the
            // batch's own array, with nothing to pick (most of a wide entity's columns).
            if (mainBatch is not null && plan.SourceCount == 1 && plan.ColumnIn[0] >= 0 && (plan.Policy.Kind != FieldPolicyKind.LastKnown || inHistory is null))
            {
                columns.Add(mainBatch.Column(plan.ColumnIn[0]));
                plan.ValuesFrom[0] += rows;
                continue;
            }
            Pick(plan, at, inHistory, mainBatch, picks, from);
            columns.Add(Gather(plan, picks, from, mainBatch));
        }
        // The value columns' arrays go on into the merged batch: this batch only lends them to the hasher.
        var values = new RecordBatch(_valueSchema, columns, rows);
        if (_writeSources) columns.Add(SourcesColumn(at, rows));
        columns.Add(_snapshots.Hash(values));
        return new RecordBatch(MergedSchema, columns, rows);
    }

    /// <summary>For each row, the source its value of <paramref name="plan"/>'s column comes from (-1: none has it) and where.</summary>
    private void Pick(ColumnPlan plan, long[][] at, long[]? inHistory, RecordBatch? mainBatch, int[] picks, long[] from)
    {
        for (int row = 0; row < picks.Length; row++)
        {
            int chosen = -1;
            switch (plan.Policy.Kind)
            {
                case FieldPolicyKind.Prefer when plan.Preferred >= 0 && at[plan.Preferred][row] >= 0:
                    chosen = plan.Preferred;
                    break;
                case FieldPolicyKind.FirstNonNull or FieldPolicyKind.LastKnown:
                    for (int s = 0; s < at.Length && chosen < 0; s++)
                    {
                        if (plan.ColumnIn[s] >= 0 && at[s][row] >= 0 && IsValid(s, plan.ColumnIn[s], at[s][row], mainBatch)) chosen = s;
                    }
                    if (chosen < 0 && inHistory is not null && plan.HistoryColumn >= 0 && inHistory[row] >= 0
                        && IsValid(HistorySource, plan.HistoryColumn, inHistory[row], mainBatch))
                    {
                        picks[row] = HistorySource;
                        from[row] = inHistory[row];
                        plan.ValuesFrom[HistorySource]++;
                        continue;
                    }
                    break;
                case FieldPolicyKind.Latest:
                    long newest = long.MinValue;
                    for (int s = 0; s < at.Length; s++)
                    {
                        if (plan.ColumnIn[s] < 0 || at[s][row] < 0 || !IsValid(s, plan.ColumnIn[s], at[s][row], mainBatch)) continue;
                        long asOf = AsOf(s, plan.AsOfIn[s], at[s][row], mainBatch);
                        if (chosen < 0 || asOf > newest) (chosen, newest) = (s, asOf);
                    }
                    break;
            }
            if (chosen < 0 && plan.Policy.Kind is FieldPolicyKind.SourceRank or FieldPolicyKind.Prefer)
            {
                for (int s = 0; s < at.Length && chosen < 0; s++)
                {
                    if (plan.ColumnIn[s] >= 0 && at[s][row] >= 0) chosen = s;
                }
            }
            picks[row] = chosen;
            from[row] = chosen >= 0 ? at[chosen][row] : -1;
            if (chosen >= 0) plan.ValuesFrom[chosen]++;
        }
    }

    private ArrayData Data(int source, int column, long location, RecordBatch? mainBatch) =>
        source == 0 ? mainBatch!.Column(column).Data
        : source == HistorySource ? _history!.Batch((int)(location >> 32)).Column(column).Data
        : _others[source - 1].Batches[(int)(location >> 32)].Column(column).Data;

    private bool IsValid(int source, int column, long location, RecordBatch? mainBatch)
    {
        ArrayData data = Data(source, column, location, mainBatch);
        return ArrowSpans.IsValid(ArrowSpans.Validity(data), data.Offset + (int)location);
    }

    /// <summary>The as-of value of a row in microseconds since 1970 (a date at its midnight); null is the oldest.</summary>
    private long AsOf(int source, int column, long location, RecordBatch? mainBatch)
    {
        ArrayData data = Data(source, column, location, mainBatch);
        int index = data.Offset + (int)location;
        if (!ArrowSpans.IsValid(ArrowSpans.Validity(data), index)) return long.MinValue;
        return data.DataType switch
        {
            Date32Type => MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span)[index] * 86_400_000_000L,
            TimestampType { Unit: TimeUnit.Second } => MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span)[index] * 1_000_000,
            TimestampType { Unit: TimeUnit.Millisecond } => MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span)[index] * 1_000,
            TimestampType { Unit: TimeUnit.Nanosecond } => MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span)[index] / 1_000,
            _ => MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span)[index],
        };
    }

    /// <summary>Copies each row's chosen value, a run of neighbouring rows of one source at a time; a row no source has is null.</summary>
    private IArrowArray Gather(ColumnPlan plan, int[] picks, long[] from, RecordBatch? mainBatch)
    {
        // Most of a main batch's columns come whole from it (no other source has them, or the main one decides): shared, not copied.
        if (mainBatch is not null && picks.Length > 0 && picks[0] == 0 && from[0] == 0 && from[^1] == picks.Length - 1
            && System.Array.TrueForAll(picks, p => p == 0))
        {
            return mainBatch.Column(plan.ColumnIn[0]);
        }
        var column = BatchGatherer.GatheredColumn.For(plan.Type);
        ArrayData? nulls = null;
        for (int start = 0; start < picks.Length;)
        {
            int source = picks[start];
            int end = start + 1;
            while (end < picks.Length && picks[end] == source && (source < 0 || from[end] == from[end - 1] + 1)) end++;
            int count = end - start;
            if (source < 0)
            {
                nulls ??= ArrowColumns.AllNull(plan.Type, picks.Length).Data;
                column.Append(nulls, 0, count);
            }
            else
            {
                ArrayData data = Data(source, source == HistorySource ? plan.HistoryColumn : plan.ColumnIn[source], from[start], mainBatch);
                column.Append(data, data.Offset + (int)from[start], count);
            }
            start = end;
        }
        return ArrowArrayFactory.BuildArray(column.Build());
    }

    private ListArray SourcesColumn(long[][] at, int rows)
    {
        var offsets = new int[rows + 1];
        var names = new StringArray.Builder();
        for (int row = 0; row < rows; row++)
        {
            int count = 0;
            for (int s = 0; s < at.Length; s++)
            {
                if (at[s][row] < 0) continue;
                names.Append(_names[s]);
                count++;
            }
            offsets[row + 1] = offsets[row] + count;
        }
        StringArray items = names.Build();
        var data = new ArrayData(ConsolidatedTier.SourcesField.DataType, rows, 0, 0,
            [ArrowBuffer.Empty, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray())], [items.Data]);
        return new ListArray(data);
    }

    /// <summary>The main source's columns, then each other source's columns the ones before it lack; <c>_snapshot</c> left out.</summary>
    private static Schema ValueSchema(Schema[] sourceSchemas, string[] names)
    {
        var fields = new List<Field>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < sourceSchemas.Length; s++)
        {
            foreach (Field field in sourceSchemas[s].FieldsList)
            {
                if (field.Name == SnapshotHasher.ColumnName) continue;
                if (owner.TryGetValue(field.Name, out int first))
                {
                    Field had = fields.First(f => f.Name == field.Name);
                    string hadType = SchemaFingerprint.TypeName(had.DataType);
                    string type = SchemaFingerprint.TypeName(field.DataType);
                    if (hadType != type)
                    {
                        throw new ArgumentException(
                            $"Column {field.Name} is {hadType} in source {names[first]} and {type} in source {names[s]}: a merged column has one type. " +
                            "Declare it with the same type in both entities, or give one of them another column name.");
                    }
                    continue;
                }
                owner.Add(field.Name, s);
                fields.Add(field);
            }
        }
        var builder = new Schema.Builder();
        foreach (Field field in fields) builder.Field(field);
        return builder.Build();
    }

    private static ColumnPlan[] Plan(Schema valueSchema, Schema[] sourceSchemas, string[] names, IReadOnlyList<string> key, IReadOnlyDictionary<string, FieldPolicy> policies)
    {
        foreach ((string column, FieldPolicy policy) in policies)
        {
            if (valueSchema.GetFieldIndex(column) < 0)
                throw new ArgumentException($"A field policy names column {column}, which no source has. The columns are: {string.Join(", ", valueSchema.FieldsList.Select(f => f.Name))}.", nameof(policies));
            if (key.Contains(column, StringComparer.Ordinal))
                throw new ArgumentException($"Column {column} is the key: rows are merged by it, so it takes no field policy. Remove it from the policies.", nameof(policies));
            if (policy.Kind == FieldPolicyKind.Prefer && !names.Contains(policy.Argument, StringComparer.Ordinal))
                throw new ArgumentException($"The policy of column {column} prefers source {policy.Argument}, which is not one of the sources ({string.Join(", ", names)}).", nameof(policies));
        }
        var plans = new ColumnPlan[valueSchema.FieldsList.Count];
        for (int c = 0; c < plans.Length; c++)
        {
            Field field = valueSchema.FieldsList[c];
            FieldPolicy policy = policies.TryGetValue(field.Name, out FieldPolicy? declared) ? declared : FieldPolicy.SourceRank;
            int[] columnIn = [.. sourceSchemas.Select(schema => schema.GetFieldIndex(field.Name))];
            int[] asOfIn = new int[names.Length];
            asOfIn.AsSpan().Fill(-1);
            if (policy.Kind == FieldPolicyKind.Latest)
            {
                for (int s = 0; s < names.Length; s++)
                {
                    if (columnIn[s] < 0) continue;
                    int index = sourceSchemas[s].GetFieldIndex(policy.Argument!);
                    if (index < 0)
                        throw new ArgumentException($"Column {field.Name} is merged by the latest {policy.Argument}, which source {names[s]} lacks: every source that has {field.Name} needs it.", nameof(policies));
                    IArrowType type = sourceSchemas[s].GetFieldByIndex(index).DataType;
                    if (type is not (TimestampType or Date32Type))
                        throw new ArgumentException($"Column {field.Name} is merged by the latest {policy.Argument}, which is {SchemaFingerprint.TypeName(type)} in source {names[s]}: an as-of column is a timestamp or a date.", nameof(policies));
                    asOfIn[s] = index;
                }
            }
            int preferred = policy.Kind == FieldPolicyKind.Prefer ? System.Array.IndexOf(names, policy.Argument) : -1;
            if (preferred >= 0 && columnIn[preferred] < 0)
                throw new ArgumentException($"The policy of column {field.Name} prefers source {policy.Argument}, which has no column {field.Name}.", nameof(policies));
            plans[c] = new ColumnPlan(field.Name, field.DataType, policy, columnIn, asOfIn, preferred, key.Contains(field.Name, StringComparer.Ordinal));
        }
        return plans;
    }

    /// <summary>Where one merged column is in each source (-1: not there), its policy, and how many values each source gave.</summary>
    private sealed class ColumnPlan(string name, IArrowType type, FieldPolicy policy, int[] columnIn, int[] asOfIn, int preferred, bool isKey)
    {
        public bool IsKey => isKey;
        public string Name => name;
        public IArrowType Type => type;
        public FieldPolicy Policy => policy;
        public int[] ColumnIn => columnIn;
        public int[] AsOfIn => asOfIn;
        public int Preferred => preferred;
        /// <summary>Per source, then the history last.</summary>
        public long[] ValuesFrom { get; } = new long[columnIn.Length + 1];

        /// <summary>The column in the history's batches, for <see cref="FieldPolicyKind.LastKnown"/>; -1: none.</summary>
        public int HistoryColumn { get; set; } = -1;
        public int SourceCount => columnIn.Count(c => c >= 0);
    }

    /// <summary>An other source's partition, held whole: its batches, each row's key hash, and an index from key hash to its first row.</summary>
    private sealed class LoadedSource : IDisposable
    {
        public List<RecordBatch> Batches { get; } = [];
        public List<ulong[]> Keys { get; } = [];
        public List<bool[]> HasKey { get; } = [];
        public List<bool[]> Consumed { get; } = [];
        public Dictionary<ulong, long> Index { get; } = [];
        public long TotalRows { get; private set; }
        public long RepeatedKeyRows { get; private set; }

        public static async Task<LoadedSource> LoadAsync(Table table, DateOnly date, Schema expected, IReadOnlyList<string> key, CancellationToken cancellationToken)
        {
            var source = new LoadedSource();
            try
            {
                var keys = new RowKeyHasher(expected, key);
                await foreach (RecordBatch batch in table.ReadPartitionAsync(date, cancellationToken).ConfigureAwait(false))
                {
                    source.Batches.Add(batch);
                    ConsolidatedStage.CheckSource(batch.Schema, expected, table, date);
                    source.Add(batch, keys);
                }
                return source;
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }

        private void Add(RecordBatch batch, RowKeyHasher keys)
        {
            int b = Keys.Count;
            var hashes = new ulong[batch.Length];
            var hasKey = new bool[batch.Length];
            var consumed = new bool[batch.Length];
            keys.Hash(batch, hashes, hasKey);
            for (int row = 0; row < batch.Length; row++)
            {
                if (!hasKey[row] || Index.TryAdd(hashes[row], Location(b, row))) continue;
                consumed[row] = true; // a key this source already gave: its first row is the one merged
                RepeatedKeyRows++;
            }
            Keys.Add(hashes);
            HasKey.Add(hasKey);
            Consumed.Add(consumed);
            TotalRows += batch.Length;
        }

        public void Dispose()
        {
            foreach (RecordBatch batch in Batches) batch.Dispose();
            Batches.Clear();
        }
    }
}

/// <summary>The history partition's rows, for the values of <see cref="FieldPolicy.LastKnown"/> columns.</summary>
internal interface IKeyHistory
{
    /// <summary>The schema of the batches (null when the history has no rows).</summary>
    Schema? Schema { get; }

    /// <summary>The key's row as (batch index &lt;&lt; 32 | row), or -1 when the history does not have it.</summary>
    long Locate(ulong keyHash);

    RecordBatch Batch(int index);
}
