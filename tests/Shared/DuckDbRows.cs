using System.Globalization;
using DuckDB.NET.Data;

namespace Ingest.Tests;

/// <summary>
/// DuckDB, the independent reader the table tests read back with: a query's rows as plain values. Linked into each
/// test project that reads tables (see their project files), so every one reads them the same way.
/// </summary>
internal static class DuckDbRows
{
    /// <summary>Runs <paramref name="sql"/> in a fresh in-memory database and returns every row (DBNull as null, blobs as byte arrays).</summary>
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
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Plain(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The first column of the first row, as a count.</summary>
    public static long Count(string sql) => Convert.ToInt64(Query(sql)[0][0], CultureInfo.InvariantCulture);

    private static object Plain(object value)
    {
        if (value is not Stream stream) return value;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
