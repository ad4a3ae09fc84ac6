using System.Globalization;
using DuckDB.NET.Data;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// An in-process DuckDB (DuckDB.NET.Data.Full) doing a stage's job with a fixed number of threads, insertion order
/// kept: the connection, and what every job needs from it.
/// </summary>
public abstract class DuckDbJob : IDisposable
{
    protected DuckDbJob(int threads)
    {
        Connection = new DuckDBConnection("Data Source=:memory:");
        Connection.Open();
        Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
        Execute("SET preserve_insertion_order = true");
    }

    protected DuckDBConnection Connection { get; }

    /// <summary>
    /// Does the stage's job and writes one Parquet file: <paramref name="day"/> holds the committed files of each day
    /// table's partition (main source first), <paramref name="history"/> those of the history partition (none on the first day).
    /// </summary>
    public abstract void Copy(IReadOnlyList<IReadOnlyList<string>> day, IReadOnlyList<string> history, DateOnly date, string outputFile);

    /// <summary>The rows of a Parquet file, from its footer.</summary>
    public long ParquetRows(string file)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = $"SELECT num_rows FROM parquet_file_metadata({Quote(file)})";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    protected void Execute(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// <c>read_parquet</c> of committed files, their columns only: a partition's folder (<c>partition_date=…</c>) would
    /// otherwise add a <c>partition_date</c> column (DuckDB detects Hive partitioning), which <c>*</c> carries along.
    /// </summary>
    protected static string ReadParquet(IReadOnlyList<string> files) => $"read_parquet({QuoteList(files)}, hive_partitioning = false)";

    /// <summary>A SQL string literal.</summary>
    protected static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A SQL list of string literals: <c>['a', 'b']</c>.</summary>
    protected static string QuoteList(IEnumerable<string> texts) => $"[{string.Join(", ", texts.Select(Quote))}]";
}
