using System.CommandLine;
using System.Globalization;
using Ingest.Tables;
using Spectre.Console;
using ConsoleTable = Spectre.Console.Table;
using StoredTable = Ingest.Tables.Table;

namespace Ingest.Runner.Commands;

/// <summary>
/// <c>ingest prune &lt;namespace/table&gt; --keep N</c>: drops a table's partitions but its newest N, each at once
/// (<see cref="StoredTable.DropPartition"/>). Daily partitions otherwise pile up: each consolidated partition holds the
/// whole history, and raw ones keep every page body. A dropped raw partition can no longer be replayed.
/// </summary>
public static class PruneCommand
{
    public static Command Create()
    {
        var table = TableArgument.Create();
        var keep = new Option<int>("--keep") { Description = "How many of the newest partitions to keep (at least 1).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list the partitions that would be dropped." };
        var warehouse = WarehouseOption.Create();
        var command = new Command("prune", "Drops a table's partitions but the newest N, each one at once.")
        {
            table, keep, dryRun, warehouse,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(table)!;
            if (TableArgument.Parse(name) is not var (tableNamespace, tableName)) return ExitCodes.Usage;
            int kept = parse.GetValue(keep);
            if (kept < 1)
            {
                Console.Error.WriteLine($"--keep {kept}: keep at least the newest partition (--keep 1); a table is dropped by deleting its folder.");
                return ExitCodes.Usage;
            }
            string root = Path.GetFullPath(parse.GetValue(warehouse)!);
            StoredTable opened = new TableStore(root).OpenTable(tableNamespace, tableName);
            IReadOnlyList<DateOnly> partitions = opened.Partitions();
            DateOnly[] dropped = [.. partitions.Take(Math.Max(0, partitions.Count - kept))];
            bool dry = parse.GetValue(dryRun);

            Console.WriteLine($"{name}: {(dry ? "would drop" : "dropping")} {dropped.Length} of {partitions.Count} partitions");
            var listing = new ConsoleTable().AddColumns("partition", "rows", "MB");
            long bytes = 0;
            foreach (DateOnly date in dropped)
            {
                PartitionManifest? manifest = opened.ReadManifest(date);
                long partitionBytes = manifest?.Files.Sum(f => f.Bytes) ?? 0;
                bytes += partitionBytes;
                if (!dry) opened.DropPartition(date);
                listing.AddRow(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (manifest?.RowCount ?? 0).ToString("N0", CultureInfo.InvariantCulture),
                    (partitionBytes / 1e6).ToString("N1", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(listing);
            Console.WriteLine($"{(dry ? "Would free" : "Freed")} {bytes / 1e6:N1} MB; kept {Math.Min(kept, partitions.Count)} partitions ({(partitions.Count > 0 ? $"{partitions[Math.Max(0, partitions.Count - kept)]:yyyy-MM-dd} to {partitions[^1]:yyyy-MM-dd}" : "none")}).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
