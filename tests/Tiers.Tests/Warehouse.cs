using System.Globalization;
using DuckDB.NET.Data;

namespace Ingest.Tiers.Tests;

/// <summary>A throwaway warehouse folder, and DuckDB queries over it (DuckDB is the independent reader).</summary>
internal sealed class Warehouse : IDisposable
{
    public Warehouse() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ingest-tiers-" + Guid.NewGuid().ToString("N"));

    /// <summary><c>read_parquet</c> over a table's files, Hive partitions on.</summary>
    public string Read(string @namespace, string table) =>
        $"read_parquet('{Path.Combine(Root, @namespace, table, "**", "*.parquet")}', hive_partitioning = true)";

    /// <summary>Runs <paramref name="sql"/> and returns every row (DBNull as null, blobs as byte arrays).</summary>
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
            for (int i = 0; i < row.Length; i++)
            {
                object? value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (value is Stream stream)
                {
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    value = copy.ToArray();
                }
                row[i] = value;
            }
            rows.Add(row);
        }
        return rows;
    }

    public static long Count(string sql) => Convert.ToInt64(Query(sql)[0][0], CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
