using System.Diagnostics;
using Apache.Arrow;
using Ingest.Tables.CrashHelper;

namespace Ingest.Tables.Tests;

/// <summary>
/// A real child process writes version 2 of a partition that holds version 1 and is killed (SIGKILL) at a named
/// point; then the table is opened here, as the next run would.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    public static TheoryData<string, string, int> Points => new()
    {
        // point, swap mode, version visible after recovery
        { "mid-write", "exchange", 1 },
        { "FilesWritten", "exchange", 1 },
        { "ManifestWritten", "exchange", 1 },
        { "Journaled", "exchange", 2 },
        { "Swapped", "exchange", 2 },
        { "Journaled", "rename", 2 },
        { "PreviousMovedAside", "rename", 2 },
        { "Swapped", "rename", 2 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task AKilledWriterLeavesAReadablePartitionAndTheNextOpenCleansUp(string point, string mode, int visible)
    {
        Table table = new TableStore(_warehouse.Root).OpenTable(CrashBatches.Namespace, CrashBatches.Table);
        await using (PartitionWriter writer = table.CreatePartitionWriter(CrashBatches.Partition, CrashBatches.Schema))
        {
            using RecordBatch batch = CrashBatches.Create(1, 0, 500);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        int exitCode = RunHelper(point, mode);
        Assert.NotEqual(0, exitCode);
        string work = Path.Combine(_warehouse.Root, TableLayout.WorkFolderName, CrashBatches.Namespace, CrashBatches.Table);
        Assert.NotEmpty(Directory.GetFileSystemEntries(work));

        Table reopened = new TableStore(_warehouse.Root).OpenTable(CrashBatches.Namespace, CrashBatches.Table);

        RecoveredWrite recovered = Assert.Single(reopened.Recovered);
        Assert.Equal(visible == 1 ? RecoveryAction.RolledBack : RecoveryAction.RolledForward, recovered.Action);
        Assert.Empty(Directory.GetFileSystemEntries(work));
        string expected = visible == 1 ? "1:500:0:499" : "2:3000:0:2999";
        Assert.Equal(expected, Summary(reopened));
        Assert.Equal(visible == 1 ? 500 : 3000, reopened.ReadManifest(CrashBatches.Partition)!.RowCount);

        await using (PartitionWriter next = reopened.CreatePartitionWriter(CrashBatches.Partition, CrashBatches.Schema))
        {
            using RecordBatch batch = CrashBatches.Create(3, 0, 10);
            await next.WriteAsync(batch);
            await next.CommitAsync();
        }
        Assert.Equal("3:10:0:9", Summary(reopened));
    }

    [Fact]
    public void TheHelperFinishesWhenToldNotToDie()
    {
        Assert.Equal(0, RunHelper("none", "exchange"));
        Table table = new TableStore(_warehouse.Root).OpenTable(CrashBatches.Namespace, CrashBatches.Table);
        Assert.Empty(table.Recovered);
        Assert.Equal("2:3000:0:2999", Summary(table));
    }

    private static string Summary(Table table) =>
        string.Join(";", Warehouse.Query($"SELECT version, count(*), min(id), max(id) FROM {Warehouse.ReadParquet(table.ParquetGlob)} GROUP BY ALL")
            .Select(r => string.Join(":", r)));

    private int RunHelper(string point, string mode)
    {
        string helper = Path.Combine(AppContext.BaseDirectory, "Ingest.Tables.CrashHelper.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { helper, _warehouse.Root, point, mode }) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The crash helper did not stop at {point}.");
        }
        if (process.ExitCode != 0 && process.ExitCode != 137 && errors.Length > 0) throw new InvalidOperationException($"The crash helper failed: {errors}");
        return process.ExitCode;
    }
}
