namespace Ingest.Runner.Tests;

/// <summary><c>ingest prune</c> over a warehouse with two days of raw pages.</summary>
public sealed class PruneCommandTests
{
    [Fact]
    public async Task Prune_keeps_the_newest_partitions_and_a_dry_run_drops_nothing()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        foreach (string date in new[] { JeepRun.Date, "2026-11-28" })
        {
            (await IngestExecutable.RunAsync(folder.Path, "run", "stellantis_jeep_inventory_fast", "--stage", "raw_inventory", "--date", date, "--warehouse", warehouse))
                .ExitsWith(IngestResult.Ok);
        }
        string raw = DuckDb.Read(warehouse, "stellantis/raw_inventory");

        IngestResult dry = (await IngestExecutable.RunAsync(folder.Path, "prune", "stellantis/raw_inventory", "--keep", "1", "--dry-run", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);
        Assert.Contains("stellantis/raw_inventory: would drop 1 of 2 partitions", dry.Stdout);
        Assert.Equal(2, DuckDb.Count($"SELECT count(DISTINCT partition_date) FROM {raw}"));

        IngestResult pruned = (await IngestExecutable.RunAsync(folder.Path, "prune", "stellantis/raw_inventory", "--keep", "1", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);
        Assert.Contains($"│ {JeepRun.Date} │", pruned.Stdout);
        Assert.Contains("kept 1 partitions (2026-11-28 to 2026-11-28)", pruned.Stdout);
        Assert.Equal(["2026-11-28"], DuckDb.Query($"SELECT DISTINCT CAST(partition_date AS VARCHAR) FROM {raw}").Select(r => (string)r[0]!));

        IngestResult none = (await IngestExecutable.RunAsync(folder.Path, "prune", "stellantis/raw_inventory", "--keep", "0", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Usage);
        Assert.Contains("--keep 0: keep at least the newest partition", none.Stderr);
    }
}
