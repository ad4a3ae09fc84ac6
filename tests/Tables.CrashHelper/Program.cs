using System.Diagnostics;
using Ingest.Tables;
using Ingest.Tables.CrashHelper;

// Usage: Ingest.Tables.CrashHelper <warehouse> <point> <exchange|rename>
// Writes version 2 of partition CrashBatches.Partition of CrashBatches.Namespace/CrashBatches.Table and kills
// itself (SIGKILL, no cleanup, no flush) at <point>: "mid-write" (after two of three batches) or a CommitStep name
// (FilesWritten, ManifestWritten, Journaled, PreviousMovedAside, Swapped, CleanedUp); "none" finishes normally.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Ingest.Tables.CrashHelper <warehouse> <point> <exchange|rename>");
    return 2;
}

string point = args[1];
var options = new TableStoreOptions
{
    UseAtomicExchange = args[2] == "exchange",
    GitSha = "crash-helper",
    OnCommitStep = step =>
    {
        if (step.ToString() == point) Die();
    },
};
Table table = new TableStore(args[0], options).OpenTable(CrashBatches.Namespace, CrashBatches.Table);
await using PartitionWriter writer = table.CreatePartitionWriter(CrashBatches.Partition, CrashBatches.Schema);
for (int b = 0; b < 3; b++)
{
    if (b == 2 && point == "mid-write") Die();
    using var batch = CrashBatches.Create(version: 2, first: b * 1000, rows: 1000);
    await writer.WriteAsync(batch);
}
await writer.CommitAsync();
return 0;

static void Die()
{
    Console.Out.Flush();
    Process.GetCurrentProcess().Kill();
    Thread.Sleep(Timeout.Infinite);
}
