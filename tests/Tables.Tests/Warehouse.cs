using Ingest.Tests;

namespace Ingest.Tables.Tests;

/// <summary>A throwaway warehouse folder, and DuckDB queries over it (DuckDB is the independent reader).</summary>
internal sealed class Warehouse : IDisposable
{
    public Warehouse() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ingest-tables-" + Guid.NewGuid().ToString("N"));

    public static string ReadParquet(string glob) => $"read_parquet('{glob}', hive_partitioning = true)";

    /// <summary>Runs <paramref name="sql"/> and returns every row as an object array (DBNull as null).</summary>
    public static List<object?[]> Query(string sql) => DuckDbRows.Query(sql);

    public static T Scalar<T>(string sql) => (T)Convert.ChangeType(Query(sql)[0][0]!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

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
