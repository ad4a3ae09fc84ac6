namespace Ingest.Tables;

/// <summary>
/// A warehouse folder of tables, <c>&lt;warehouse&gt;/&lt;namespace&gt;/&lt;table&gt;/</c>. Opening a table finishes or
/// undoes writes that a crash interrupted (see <see cref="PartitionCommit"/>), leaving alone those whose writer
/// is still running.
/// </summary>
public sealed class TableStore
{
    public TableStore(string warehouse, TableStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(warehouse);
        Warehouse = Path.GetFullPath(warehouse);
        Options = options ?? new TableStoreOptions();
    }

    public string Warehouse { get; }

    public TableStoreOptions Options { get; }

    /// <summary>Opens (creating if needed) a table and recovers its interrupted writes.</summary>
    public Table OpenTable(string @namespace, string name)
    {
        CheckName(@namespace, nameof(@namespace));
        CheckName(name, nameof(name));
        var layout = new TableLayout(Warehouse, @namespace, name);
        Directory.CreateDirectory(layout.TablePath);
        return new Table(layout, @namespace, name, Options, Recover(layout));
    }

    private static List<RecoveredWrite> Recover(TableLayout layout)
    {
        var recovered = new List<RecoveredWrite>();
        RecoverResumable(layout, recovered);
        if (!Directory.Exists(layout.WorkPath)) return recovered;
        foreach (string folder in Directory.GetDirectories(layout.WorkPath))
        {
            var transaction = new TransactionLayout(layout.WorkPath, Path.GetFileName(folder));
            recovered.Add(RecoverUnlessLocked(transaction, layout.TablePath));
        }
        return recovered;
    }

    /// <summary>
    /// Resumable staging (see <see cref="ResumablePartitionWriter"/>) is left for the next writer unless it passed its
    /// commit point; then, when no writer holds it, its swap is finished.
    /// </summary>
    private static void RecoverResumable(TableLayout layout, List<RecoveredWrite> recovered)
    {
        if (!Directory.Exists(layout.ResumablePath)) return;
        foreach (string folder in Directory.GetDirectories(layout.ResumablePath))
        {
            var transaction = TransactionLayout.AtRoot(folder, Path.GetFileName(folder));
            if (!File.Exists(transaction.CommitRecordPath)) continue;
            recovered.Add(RecoverUnlessLocked(transaction, layout.TablePath));
        }
    }

    /// <summary>Recovers a write whose writer is gone; one whose lock is still held is a live write, left alone.</summary>
    private static RecoveredWrite RecoverUnlessLocked(TransactionLayout transaction, string tablePath)
    {
        FileStream writerLock;
        try
        {
            writerLock = new FileStream(transaction.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return new RecoveredWrite(transaction.CommitId, RecoveryAction.InProgress);
        }
        using (writerLock)
        {
            return new RecoveredWrite(transaction.CommitId, PartitionCommit.Recover(transaction, tablePath));
        }
    }

    private static void CheckName(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        if (value.StartsWith('.') || value.IndexOfAny(['/', '\\']) >= 0 || value.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"'{value}' cannot name a table folder: use letters, digits, '_' or '-', not starting with '.'.", parameter);
    }
}
