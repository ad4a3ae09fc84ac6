using Ingest.Tests;

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
    public static List<object?[]> Query(string sql) => DuckDbRows.Query(sql);

    public static long Count(string sql) => DuckDbRows.Count(sql);

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
