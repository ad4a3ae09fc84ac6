using System.Globalization;
using DuckDB.NET.Data;

namespace Ingest.Runner.Tests;

/// <summary>DuckDB over the tables a run wrote: the independent reader a user would open them with.</summary>
internal static class DuckDb
{
    /// <summary><c>read_parquet</c> over a table's files, Hive partitions on (so <c>partition_date</c> comes from the folders).</summary>
    public static string Read(string warehouse, string table, bool hive = true) =>
        $"read_parquet('{Path.Combine(warehouse, table, "**", "*.parquet")}', hive_partitioning = {(hive ? "true" : "false")})";

    /// <summary>Runs <paramref name="sql"/> and returns every row (DBNull as null).</summary>
    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static long Count(string sql) => Convert.ToInt64(Query(sql)[0][0], CultureInfo.InvariantCulture);

    /// <summary>The column names of <paramref name="source"/> as DuckDB sees them.</summary>
    public static IReadOnlyList<string> Columns(string source) =>
        [.. Query($"DESCRIBE SELECT * FROM {source}").Select(r => (string)r[0]!)];
}
