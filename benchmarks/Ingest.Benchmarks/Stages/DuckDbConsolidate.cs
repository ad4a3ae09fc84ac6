namespace Ingest.Benchmarks.Stages;

/// <summary>
/// DuckDB doing the consolidated stage's job in process (<c>SET threads = 1</c>): today's transformed partition
/// left-joined on <c>vin</c> to the consolidated partition before it (the history) for <c>first_seen</c> and
/// <c>last_changed</c>, then the history's rows whose VIN today lacks, inactive (an anti-join), written with
/// <c>COPY … TO '…/part.parquet' (FORMAT PARQUET)</c>. The same rules as <c>ConsolidatedStage</c>, in SQL.
/// </summary>
public sealed class DuckDbConsolidate(int threads = 1) : DuckDbJob(threads)
{
    public static string CopySql(IReadOnlyList<string> today, IReadOnlyList<string> history, DateOnly date, string outputFile)
    {
        string todayRows = ReadParquet(today);
        return $"COPY ({WithHistorySql(todayRows, todayRows, history, "_snapshot", date)}) TO {Quote(outputFile)} (FORMAT PARQUET)";
    }

    /// <summary>
    /// The history step over a day's rows: <paramref name="todayRows"/> (a relation with <c>vin</c> and <c>_snapshot</c>)
    /// with its four history columns, then the history's rows whose VIN <paramref name="todayKeys"/> (a relation with
    /// <c>vin</c>) lacks, inactive. A key changed when <paramref name="historySnapshot"/>, an expression over a history
    /// row, differs from its <c>_snapshot</c> today. The history's columns must line up with today's, in order.
    /// </summary>
    public static string WithHistorySql(string todayRows, string todayKeys, IReadOnlyList<string> history, string historySnapshot, DateOnly date)
    {
        string day = $"DATE '{date:yyyy-MM-dd}'";
        if (history.Count == 0)
            return $"SELECT t.*, {day} AS first_seen, {day} AS last_seen, {day} AS last_changed, true AS is_active FROM {todayRows} t";
        string historyRows = ReadParquet(history);
        return $"""
                SELECT t.*,
                       coalesce(h.first_seen, {day}) AS first_seen,
                       {day} AS last_seen,
                       CASE WHEN h._snapshot = t._snapshot THEN h.last_changed ELSE {day} END AS last_changed,
                       true AS is_active
                FROM {todayRows} t LEFT JOIN (SELECT vin, {historySnapshot} AS _snapshot, first_seen, last_changed FROM {historyRows}) h ON t.vin = h.vin
                UNION ALL
                SELECT h.* EXCLUDE (is_active), false AS is_active
                FROM {historyRows} h
                WHERE h.vin IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {todayKeys} t WHERE t.vin = h.vin)
            """;
    }

    /// <inheritdoc/>
    public override void Copy(IReadOnlyList<IReadOnlyList<string>> day, IReadOnlyList<string> history, DateOnly date, string outputFile) =>
        Execute(CopySql(day[0], history, date, outputFile));
}
