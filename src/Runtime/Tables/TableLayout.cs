using System.Globalization;

namespace Ingest.Tables;

/// <summary>
/// Where a table's files live. Data: <c>&lt;warehouse&gt;/&lt;namespace&gt;/&lt;table&gt;/partition_date=YYYY-MM-DD/part-NNNNN.parquet</c>.
/// Work in progress: <c>&lt;warehouse&gt;/.ingest/&lt;namespace&gt;/&lt;table&gt;/&lt;commit id&gt;/</c>, outside the table
/// folder, so no reader's glob of the table (or of the warehouse: DuckDB's <c>**</c> skips dot folders) sees it.
/// </summary>
internal sealed class TableLayout(string warehouse, string @namespace, string name)
{
    public const string WorkFolderName = ".ingest";
    public const string PartitionPrefix = "partition_date=";

    public string TablePath { get; } = Path.Combine(warehouse, @namespace, name);

    /// <summary>Holds one folder per write in progress (or interrupted).</summary>
    public string WorkPath { get; } = Path.Combine(warehouse, WorkFolderName, @namespace, name);

    public string PartitionPath(DateOnly date) => Path.Combine(TablePath, PartitionFolder(date));

    public static string PartitionFolder(DateOnly date) =>
        PartitionPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParsePartitionFolder(string folder, out DateOnly date)
    {
        date = default;
        return folder.StartsWith(PartitionPrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(folder.AsSpan(PartitionPrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string PartFileName(int index) => $"part-{index:D5}.parquet";
}

/// <summary>The folder of one write: <c>lock</c>, <c>data/</c> (the staged partition), <c>commit.json</c>, <c>previous/</c>.</summary>
internal sealed class TransactionLayout(string workPath, string commitId)
{
    public string CommitId { get; } = commitId;
    public string Root { get; } = Path.Combine(workPath, commitId);
    public string LockPath => Path.Combine(Root, "lock");
    public string DataPath => Path.Combine(Root, "data");
    public string CommitRecordPath => Path.Combine(Root, "commit.json");
    public string PreviousPath => Path.Combine(Root, "previous");
}
