using Ingest.Tests;

namespace Ingest.Runner.Tests;

/// <summary>DuckDB over the tables a run wrote: the independent reader a user would open them with.</summary>
internal static class DuckDb
{
    /// <summary><c>read_parquet</c> over a table's files, Hive partitions on (so <c>partition_date</c> comes from the folders).</summary>
    public static string Read(string warehouse, string table, bool hive = true) =>
        $"read_parquet('{Path.Combine(warehouse, table, "**", "*.parquet")}', hive_partitioning = {(hive ? "true" : "false")})";

    /// <summary>Runs <paramref name="sql"/> and returns every row (DBNull as null).</summary>
    public static List<object?[]> Query(string sql) => DuckDbRows.Query(sql);

    public static long Count(string sql) => DuckDbRows.Count(sql);

    /// <summary>The column names of <paramref name="source"/> as DuckDB sees them.</summary>
    public static IReadOnlyList<string> Columns(string source) =>
        [.. Query($"DESCRIBE SELECT * FROM {source}").Select(r => (string)r[0]!)];
}
