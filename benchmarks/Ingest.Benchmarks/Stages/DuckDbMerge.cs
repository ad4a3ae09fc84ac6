using DuckDB.NET.Data;
using Ingest.Entities.Stellantis;
using Ingest.Tiers;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// DuckDB doing the job of a consolidated stage with two sources in process (<c>SET threads</c> as the harness says):
/// the main source's and the other source's partitions of the day, full-outer-joined on <c>vin</c>, each column by its
/// <see cref="FieldPolicy"/>, <c>_sources</c>, a <c>_snapshot</c> over the merged value columns, then the history
/// step of <see cref="DuckDbConsolidate"/>, written with <c>COPY … TO '…/part.parquet' (FORMAT PARQUET)</c>.
/// The same rules as <c>SourceMerge</c> and <c>ConsolidatedStage</c>, in SQL (docs/consolidation.md).
/// </summary>
/// <remarks>
/// <c>_snapshot</c> is DuckDB's own <c>hash()</c> of the merged value columns but the ones
/// <see cref="DealerFeedMerge.IgnoredInSnapshot"/> leaves out (the key included, as ours), its top bit
/// cleared to fit a BIGINT, not our XxHash3: the two outputs' snapshots differ. So a history row's snapshot is
/// recomputed the same way over its value columns to decide <c>last_changed</c> (the stage reads the stored one), and a
/// carried row keeps the snapshot it was written with, as ours does.
/// </remarks>
public sealed class DuckDbMerge(int threads = 1) : DuckDbJob(threads)
{
    /// <summary>The sources' names in rank order, as <c>BuiltInStages</c> registers them (<c>_sources</c> holds them).</summary>
    public static IReadOnlyList<string> SourceNames { get; } = [DealerFeedMerge.InventorySource, DealerFeedMerge.FeedSource];

    private const string Key = "vin";
    private const string Present = "__present"; // marks a joined side's rows: a key only the other side has leaves it null

    /// <summary>
    /// The COPY: <paramref name="mainColumns"/> and <paramref name="otherColumns"/> are the sources' columns in file order
    /// (their own <c>_snapshot</c> is left out); the merged table has the main source's, then the other's it lacks.
    /// </summary>
    public static string CopySql(IReadOnlyList<string> main, IReadOnlyList<string> mainColumns, IReadOnlyList<string> other, IReadOnlyList<string> otherColumns,
        IReadOnlyDictionary<string, FieldPolicy> policies, IReadOnlyList<string> ignoredInSnapshot, IReadOnlyList<string> history, DateOnly date, string outputFile)
    {
        string[] values = [.. mainColumns.Concat(otherColumns).Where(c => c != Hashing.SnapshotHasher.ColumnName).Distinct(StringComparer.Ordinal)];
        bool lastKnown = history.Count > 0 && policies.Values.Any(p => p.Kind == FieldPolicyKind.LastKnown);
        IEnumerable<string> merged = values.Select(c => $"{ColumnSql(c, mainColumns.Contains(c), otherColumns.Contains(c), policies, lastKnown)} AS {Identifier(c)}");
        string sources = $"""
            CASE WHEN i.{Present} AND f.{Present} THEN [{Quote(SourceNames[0])}, {Quote(SourceNames[1])}]
                 WHEN i.{Present} THEN [{Quote(SourceNames[0])}] ELSE [{Quote(SourceNames[1])}] END AS _sources
            """;
        string mainRows = ReadParquet(main), otherRows = ReadParquet(other);
        string hashed = string.Join(", ", values.Where(c => !ignoredInSnapshot.Contains(c, StringComparer.Ordinal)).Select(Identifier));
        // LastKnown columns fall back on the history row of the same key when neither source has a value today.
        string historyValues = lastKnown
            ? $"LEFT JOIN (SELECT {Key}, {string.Join(", ", policies.Where(p => p.Value.Kind == FieldPolicyKind.LastKnown).Select(p => Identifier(p.Key)))} FROM {ReadParquet(history)}) h " +
              $"ON h.{Key} = coalesce(i.{Key}, f.{Key})"
            : "";
        string today = $"""
            (SELECT *, CAST(hash({hashed}) & 9223372036854775807 AS BIGINT) AS _snapshot
             FROM (SELECT {string.Join(", ", merged)},
                          {sources}
                   FROM (SELECT *, true AS {Present} FROM {mainRows}) i
                   FULL OUTER JOIN (SELECT *, true AS {Present} FROM {otherRows}) f ON i.{Key} = f.{Key}
                   {historyValues}))
            """;
        string keys = $"(SELECT {Key} FROM {mainRows} UNION ALL SELECT {Key} FROM {otherRows})";
        string historySnapshot = $"CAST(hash({hashed}) & 9223372036854775807 AS BIGINT)";
        return $"COPY ({DuckDbConsolidate.WithHistorySql(today, keys, history, historySnapshot, date)}) TO {Quote(outputFile)} (FORMAT PARQUET)";
    }

    /// <summary>One merged column: <c>i</c> is the main source's row, <c>f</c> the other's; a side without the key reads as nulls.</summary>
    /// <param name="lastKnown">A history is joined as <c>h</c>, for <see cref="FieldPolicyKind.LastKnown"/> columns.</param>
    private static string ColumnSql(string column, bool inMain, bool inOther, IReadOnlyDictionary<string, FieldPolicy> policies, bool lastKnown)
    {
        string c = Identifier(column);
        FieldPolicy policy = policies.TryGetValue(column, out FieldPolicy? declared) ? declared : FieldPolicy.SourceRank;
        if (policy.Kind == FieldPolicyKind.LastKnown)
        {
            IEnumerable<string> candidates = [.. inMain ? [$"i.{c}"] : Array.Empty<string>(), .. inOther ? [$"f.{c}"] : Array.Empty<string>(), .. lastKnown ? [$"h.{c}"] : Array.Empty<string>()];
            return $"coalesce({string.Join(", ", candidates)})";
        }
        if (!inOther) return $"i.{c}";
        if (!inMain) return $"f.{c}";
        switch (policy.Kind)
        {
            case FieldPolicyKind.FirstNonNull:
                return $"coalesce(i.{c}, f.{c})";
            case FieldPolicyKind.Latest:
                // The non-null value of the later row; a null as-of is the oldest; a tie goes to the main source.
                string asOf = Identifier(policy.Argument!);
                return $"CASE WHEN f.{c} IS NULL THEN i.{c} WHEN i.{c} IS NULL THEN f.{c} " +
                       $"WHEN f.{asOf} IS NOT NULL AND (i.{asOf} IS NULL OR f.{asOf} > i.{asOf}) THEN f.{c} ELSE i.{c} END";
            case FieldPolicyKind.Prefer when policy.Argument == SourceNames[1]:
                return $"CASE WHEN f.{Present} THEN f.{c} ELSE i.{c} END";
            default: // the source rank, or a preference for the main source
                return $"CASE WHEN i.{Present} THEN i.{c} ELSE f.{c} END";
        }
    }

    /// <summary>Reads the two sources' columns from their files, then runs the COPY (<see cref="DealerFeedMerge"/>'s policies).</summary>
    public override void Copy(IReadOnlyList<IReadOnlyList<string>> day, IReadOnlyList<string> history, DateOnly date, string outputFile)
    {
        if (day.Count != SourceNames.Count) throw new ArgumentException($"The merge reads {SourceNames.Count} sources; {day.Count} given.", nameof(day));
        Execute(CopySql(day[0], Columns(day[0]), day[1], Columns(day[1]), DealerFeedMerge.Policies, DealerFeedMerge.IgnoredInSnapshot, history, date, outputFile));
    }

    /// <summary>The columns of Parquet files (their first file's schema), in order.</summary>
    private List<string> Columns(IReadOnlyList<string> files)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM {ReadParquet([files[0]])})";
        using DuckDBDataReader reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
