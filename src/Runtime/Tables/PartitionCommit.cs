using System.Text;
using System.Text.Json;

namespace Ingest.Tables;

/// <summary>
/// The commit protocol, and the recovery that finishes or undoes it after a crash. One home for both, since each
/// rule of recovery answers a step of the commit.
/// </summary>
/// <remarks>
/// <para>Commit, with the part files already flushed in <c>data/</c>:</para>
/// <list type="number">
/// <item>write <c>data/_manifest.json</c>, which carries the commit id;</item>
/// <item>write <c>commit.json</c> (temp file, flush to disk, rename): the commit point;</item>
/// <item>swap: exchange <c>data/</c> and the partition folder in one <c>renameat2</c>, or else move the partition to
/// <c>previous/</c> and <c>data/</c> to the partition;</item>
/// <item>delete the write's folder.</item>
/// </list>
/// <para>Recovery, for each write folder whose lock nobody holds: without <c>commit.json</c> the write never
/// committed, so its folder is deleted and the partition is as it was (unless the folder holds a dropped partition,
/// which is then deleted too). With it, the swap is finished: if the
/// partition's manifest already carries this commit id it is done; otherwise the partition (if any) goes to
/// <c>previous/</c> and <c>data/</c> takes its place. Then the folder is deleted.</para>
/// </remarks>
internal static class PartitionCommit
{
    public static void Commit(TransactionLayout transaction, string tablePath, PartitionManifest manifest, TableStoreOptions options)
    {
        WriteDurably(Path.Combine(transaction.DataPath, PartitionManifest.FileName), manifest.ToJson());
        options.OnCommitStep?.Invoke(CommitStep.ManifestWritten);

        string folder = TableLayout.PartitionFolder(manifest.PartitionDate);
        string record = JsonSerializer.Serialize(new CommitRecord(transaction.CommitId, folder), ManifestJsonContext.Default.CommitRecord);
        string temporary = transaction.CommitRecordPath + ".tmp";
        WriteDurably(temporary, record);
        File.Move(temporary, transaction.CommitRecordPath);
        options.OnCommitStep?.Invoke(CommitStep.Journaled);

        Swap(transaction, Path.Combine(tablePath, folder), options.UseAtomicExchange, options.OnCommitStep);
        Directory.Delete(transaction.Root, recursive: true);
        options.OnCommitStep?.Invoke(CommitStep.CleanedUp);
    }

    /// <summary>Finishes or undoes an interrupted write. The caller holds the write's lock.</summary>
    public static RecoveryAction Recover(TransactionLayout transaction, string tablePath)
    {
        if (!File.Exists(transaction.CommitRecordPath))
        {
            // A write moves a partition aside only after its commit point; a partition aside with no commit record was
            // being dropped (Table.DropPartition), and deleting it finishes the drop.
            bool dropping = Directory.Exists(transaction.PreviousPath) && !Directory.Exists(transaction.DataPath);
            Directory.Delete(transaction.Root, recursive: true);
            return dropping ? RecoveryAction.DropFinished : RecoveryAction.RolledBack;
        }

        CommitRecord record = JsonSerializer.Deserialize(File.ReadAllText(transaction.CommitRecordPath), ManifestJsonContext.Default.CommitRecord)
            ?? throw new InvalidDataException($"{transaction.CommitRecordPath} is empty.");
        string partitionPath = Path.Combine(tablePath, record.PartitionFolder);
        if (ReadCommitId(partitionPath) != record.CommitId)
        {
            if (!Directory.Exists(transaction.DataPath))
            {
                throw new InvalidDataException(
                    $"The write {record.CommitId} committed but its staged partition is gone and {partitionPath} is not it. " +
                    $"Inspect {transaction.Root} (previous/ holds the partition it replaced, if any), then delete that folder.");
            }
            if (Directory.Exists(partitionPath) && Directory.Exists(transaction.PreviousPath))
            {
                throw new InvalidDataException(
                    $"The write {record.CommitId} left both {partitionPath} and {transaction.PreviousPath}, and the partition is not the one it staged. " +
                    "Another writer changed the partition meanwhile; inspect both, keep one, then delete the write's folder.");
            }
            Swap(transaction, partitionPath, useExchange: false, onStep: null);
        }
        Directory.Delete(transaction.Root, recursive: true);
        return RecoveryAction.RolledForward;
    }

    private static void Swap(TransactionLayout transaction, string partitionPath, bool useExchange, Action<CommitStep>? onStep)
    {
        if (Directory.Exists(partitionPath))
        {
            if (useExchange && DirectoryExchange.TryExchange(transaction.DataPath, partitionPath))
            {
                onStep?.Invoke(CommitStep.Swapped);
                return;
            }
            Directory.Move(partitionPath, transaction.PreviousPath);
            onStep?.Invoke(CommitStep.PreviousMovedAside);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(partitionPath)!);
        Directory.Move(transaction.DataPath, partitionPath);
        onStep?.Invoke(CommitStep.Swapped);
    }

    internal static string? ReadCommitId(string partitionPath)
    {
        string path = Path.Combine(partitionPath, PartitionManifest.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return PartitionManifest.FromJson(File.ReadAllText(path)).CommitId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteDurably(string path, string text)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }
}

/// <summary>What recovery did with an interrupted write.</summary>
public enum RecoveryAction
{
    /// <summary>It had not committed: its staged files were deleted; the partition is as before.</summary>
    RolledBack,

    /// <summary>It had committed: its swap was finished; the partition is the new one.</summary>
    RolledForward,

    /// <summary>Its writer is still running (it holds the lock): left alone.</summary>
    InProgress,

    /// <summary>It was a drop (<see cref="Table.DropPartition"/>) whose partition was already out of the table: deleted.</summary>
    DropFinished,
}

/// <summary>One interrupted write found when a table was opened, and what was done with it.</summary>
public sealed record RecoveredWrite(string CommitId, RecoveryAction Action);
