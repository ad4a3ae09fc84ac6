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

    /// <summary>
    /// Holds the staging of resumable writes, one folder per partition (<c>partition_date=YYYY-MM-DD</c>), under
    /// <c>&lt;warehouse&gt;/.ingest/.resumable/&lt;namespace&gt;/&lt;table&gt;/</c>: never inside any table's
    /// <see cref="WorkPath"/> (namespaces cannot start with '.'), so recovery does not roll them back.
    /// </summary>
    public string ResumablePath { get; } = Path.Combine(warehouse, WorkFolderName, ResumableFolderName, @namespace, name);

    public const string ResumableFolderName = ".resumable";

    public string PartitionPath(DateOnly date) => Path.Combine(TablePath, PartitionFolder(date));

    public string ResumableStagingPath(DateOnly date) => Path.Combine(ResumablePath, PartitionFolder(date));

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
internal sealed class TransactionLayout
{
    public TransactionLayout(string workPath, string commitId)
        : this(commitId, Path.Combine(workPath, commitId), rooted: true)
    {
    }

    private TransactionLayout(string commitId, string root, bool rooted)
    {
        _ = rooted;
        CommitId = commitId;
        Root = root;
    }

    /// <summary>A write whose folder is not named by its commit id (a resumable write's staging folder).</summary>
    public static TransactionLayout AtRoot(string root, string commitId) => new(commitId, root, rooted: true);

    public string CommitId { get; }
    public string Root { get; }
    public string LockPath => Path.Combine(Root, "lock");
    public string DataPath => Path.Combine(Root, "data");
    public string CommitRecordPath => Path.Combine(Root, "commit.json");
    public string PreviousPath => Path.Combine(Root, "previous");
}
