using System.Globalization;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// DuckDB doing the consolidated stage's job in process (<c>SET threads = 1</c>): today's transformed partition
/// left-joined on <c>vin</c> to the consolidated partition before it (the history) for <c>first_seen</c> and
/// <c>last_changed</c>, then the history's rows whose VIN today lacks, inactive (an anti-join), written with
/// <c>COPY … TO '…/part.parquet' (FORMAT PARQUET)</c>. The same rules as <c>ConsolidatedStage</c>, in SQL.
/// </summary>
public sealed class DuckDbConsolidate(int threads = 1) : DuckDbJob(threads)
{
    /// <summary>The consolidated partition <paramref name="date"/>'s history: the latest partition before it, or null.</summary>
    public static DateOnly? HistoryDate(string warehouse, DateOnly date)
    {
        string table = Path.Combine(warehouse, "stellantis", "consolidated_vehicles");
        return Directory.Exists(table)
            ? Directory.EnumerateDirectories(table, "partition_date=*")
                .Select(folder => DateOnly.ParseExact(Path.GetFileName(folder)["partition_date=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Where(d => d < date).Select(d => (DateOnly?)d).Max()
            : null;
    }

    public static string CopySql(IReadOnlyList<string> today, IReadOnlyList<string> history, DateOnly date, string outputFile)
    {
        string day = $"DATE '{date:yyyy-MM-dd}'";
        string todayRows = ReadParquet(today);
        if (history.Count == 0)
            return $"COPY (SELECT t.*, {day} AS first_seen, {day} AS last_seen, {day} AS last_changed, true AS is_active FROM {todayRows} t) TO {Quote(outputFile)} (FORMAT PARQUET)";
        string historyRows = ReadParquet(history);
        return $"""
            COPY (
                SELECT t.*,
                       coalesce(h.first_seen, {day}) AS first_seen,
                       {day} AS last_seen,
                       CASE WHEN h._snapshot = t._snapshot THEN h.last_changed ELSE {day} END AS last_changed,
                       true AS is_active
                FROM {todayRows} t LEFT JOIN (SELECT vin, _snapshot, first_seen, last_changed FROM {historyRows}) h ON t.vin = h.vin
                UNION ALL
                SELECT h.* EXCLUDE (is_active), false AS is_active
                FROM {historyRows} h
                WHERE h.vin IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {todayRows} t WHERE t.vin = h.vin)
            ) TO {Quote(outputFile)} (FORMAT PARQUET)
            """;
    }

    public void Copy(IReadOnlyList<string> today, IReadOnlyList<string> history, DateOnly date, string outputFile) =>
        Execute(CopySql(today, history, date, outputFile));
}
