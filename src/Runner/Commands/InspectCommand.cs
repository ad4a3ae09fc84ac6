using System.CommandLine;
using System.Globalization;
using Apache.Arrow;
using Ingest.Tables;
using Spectre.Console;
using ConsoleTable = Spectre.Console.Table;
using StoredTable = Ingest.Tables.Table;

namespace Ingest.Runner.Commands;

/// <summary><c>ingest inspect &lt;namespace/table&gt;</c>: schema, partitions with row counts and files, and a few rows.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var table = TableArgument.Create();
        var warehouse = WarehouseOption.Create();
        var rows = new Option<int>("--rows") { Description = "Rows to show from the newest partition.", DefaultValueFactory = _ => 5 };
        var command = new Command("inspect", "Shows a table's schema, partitions (rows, files, commit) and a few rows of the newest partition.")
        {
            table, warehouse, rows,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string name = parse.GetValue(table)!;
            if (TableArgument.Parse(name) is not var (tableNamespace, tableName)) return ExitCodes.Usage;
            string root = parse.GetValue(warehouse)!;
            var store = new TableStore(root);
            StoredTable opened = store.OpenTable(tableNamespace, tableName);
            IReadOnlyList<DateOnly> partitions = opened.Partitions();
            if (partitions.Count == 0)
            {
                Console.Error.WriteLine($"Table {name} has no committed partition under {Path.GetFullPath(root)}; run `ingest run <scenario> --warehouse {root}` first.");
                return ExitCodes.Failure;
            }

            var overview = new ConsoleTable().Title($"{Markup.Escape(name)} ({Markup.Escape(opened.Location)})").AddColumns("partition", "rows", "files", "row groups", "MB", "committed", "git", "schema");
            PartitionManifest? newest = null;
            foreach (DateOnly date in partitions)
            {
                PartitionManifest? manifest = opened.ReadManifest(date);
                newest = manifest ?? newest;
                overview.AddRow(
                    date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    manifest?.RowCount.ToString("N0", CultureInfo.InvariantCulture) ?? "?",
                    manifest?.Files.Count.ToString(CultureInfo.InvariantCulture) ?? "?",
                    manifest?.Files.Sum(f => f.RowGroups).ToString(CultureInfo.InvariantCulture) ?? "?",
                    manifest is null ? "?" : (manifest.Files.Sum(f => f.Bytes) / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
                    manifest?.CommittedAt.ToString("u", CultureInfo.InvariantCulture) ?? "?",
                    Markup.Escape(manifest?.GitSha ?? ""),
                    manifest?.SchemaFingerprint[..8] ?? "?");
            }
            AnsiConsole.Write(overview);
            if (newest is not null && opened.SchemaDifferences(newest.PartitionDate) is { Count: > 0 } differences)
            {
                // Partitions written before the entity changed: say what differs and how to read or fix them.
                foreach (SchemaDifference difference in differences)
                    Console.WriteLine($"Schema of {newest.PartitionDate:yyyy-MM-dd} against {difference}.");
                Console.WriteLine("Read the table by column name (DuckDB: read_parquet(..., hive_partitioning = true, union_by_name = true)), " +
                    "or replay those dates: ingest run <scenario> --stage <transformed stage> --date <date>.");
            }

            if (newest is not null)
            {
                var schema = new ConsoleTable().Title("Schema").AddColumns("column", "type", "nullable");
                foreach (ManifestColumn column in newest.Columns) schema.AddRow(Markup.Escape(column.Name), Markup.Escape(column.Type), column.Nullable ? "yes" : "no");
                AnsiConsole.Write(schema);
            }

            int wanted = parse.GetValue(rows);
            await foreach (RecordBatch batch in opened.ReadPartitionAsync(partitions[^1], cancellationToken))
            {
                using (batch)
                {
                    AnsiConsole.Write(Sample(batch, wanted));
                }
                break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Cell(IArrowArray array, int row)
    {
        string text = Ingest.Tiers.ArrowValueFormatter.Format(array, row) ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    /// <summary>The first rows of a batch, one line per column so wide entities stay readable.</summary>
    private static ConsoleTable Sample(RecordBatch batch, int rows)
    {
        int shown = Math.Min(rows, batch.Length);
        var table = new ConsoleTable().Title($"First {shown} rows of the newest partition").AddColumn("column");
        for (int row = 0; row < shown; row++) table.AddColumn($"row {row}");
        for (int column = 0; column < batch.ColumnCount; column++)
        {
            var cells = new List<string> { Markup.Escape(batch.Schema.FieldsList[column].Name) };
            for (int row = 0; row < shown; row++) cells.Add(Markup.Escape(Cell(batch.Column(column), row)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }
}
