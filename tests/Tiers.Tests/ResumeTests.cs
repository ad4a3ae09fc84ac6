using Ingest.Simulator;

namespace Ingest.Tiers.Tests;

/// <summary>A raw stage stopped halfway resumes from what it staged: it fetches only what it lacks and commits once.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ResumeTests(SimulatorFixture fixture) : IDisposable
{
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private string Staging => Path.Combine(_warehouse.Root, ".ingest", ".resumable", "raw", "stellantis_inventory", "partition_date=2026-11-27");

    /// <summary>Cancels the stage once it has staged the first sub-resource and two pages of the second.</summary>
    private async Task InterruptAsync()
    {
        using var stop = new CancellationTokenSource();
        int pages = 0;
        int stopAfter = fixture.Codes[0].Pages + 2;
        RawStageOptions options = fixture.RawOptions() with
        {
            RowGroupBytes = 16 * 1024,
            OnPage = _ =>
            {
                if (++pages == stopAfter) stop.Cancel();
            },
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options, stop.Token));
    }

    [Fact]
    public async Task An_interrupted_raw_stage_fetches_only_the_pages_it_lacks_and_commits_the_clean_runs_table()
    {
        SimulatorServer server = fixture.Fresh();
        await InterruptAsync();

        // Nothing is committed; the first sub-resource is staged, and the second one's partial files are left as a crash would leave them.
        Assert.False(Directory.Exists(Path.Combine(_warehouse.Root, "raw", "stellantis_inventory", "partition_date=2026-11-27")));
        Assert.True(File.Exists(Path.Combine(Staging, "staging.json")));
        Assert.True(Directory.GetFiles(Path.Combine(Staging, "data")).Length >= 2, "the interrupted sub-resource left part files behind");

        server.ResetRequests();
        RawStageReport resumed = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());

        int firstPages = fixture.Codes[0].Pages;
        Assert.Equal(fixture.TotalPages - firstPages, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Equal(firstPages, resumed.PagesResumed);
        Assert.Equal(fixture.TotalPages - firstPages, resumed.PagesFetched);
        Assert.Equal(fixture.TotalPages, resumed.RowsOut);
        Assert.True(resumed.SubResources[0].Resumed);
        Assert.False(Directory.Exists(Staging));

        using var clean = new Warehouse();
        fixture.Fresh();
        RawStageReport cleanReport = await RawStage.RunAsync(SimulatorFixture.Today, clean.Root, fixture.RawOptions());
        Assert.Equal(cleanReport.RowsOut, resumed.RowsOut);
        Assert.Equal(BodyHashes(clean), BodyHashes(_warehouse));
        Assert.Equal(
            Warehouse.Count($"SELECT count(*) FROM {clean.Read("raw", "stellantis_inventory")}"),
            Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("raw", "stellantis_inventory")}"));
    }

    [Fact]
    public async Task A_sub_resource_staged_with_failed_pages_is_fetched_again_on_resume()
    {
        // The first code's first page fails (so the code ends there, one failed row); then the upstream recovers, and
        // the run is stopped two pages into the second code.
        SimulatorServer server = fixture.Fresh(new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = int.MaxValue });
        using var stop = new CancellationTokenSource();
        int pages = 0;
        RawStageOptions interrupted = fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 1 }) with
        {
            OnPage = page =>
            {
                if (page.IsFailed) server.Faults = FaultOptions.None;
                if (++pages == 3) stop.Cancel();
            },
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, interrupted, stop.Token));

        server.ResetRequests();
        RawStageReport resumed = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());

        Assert.Equal([fixture.Codes[0].Code], resumed.RefetchedSubResources);
        Assert.Equal(0, resumed.PagesResumed);
        Assert.Equal(fixture.TotalPages, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Equal(0, resumed.FailedPages);
        Assert.Equal(fixture.TotalPages, Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("raw", "stellantis_inventory")} WHERE outcome = 'fetched'"));
        Assert.Equal(fixture.TotalPages, Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("raw", "stellantis_inventory")}"));
    }

    [Fact]
    public async Task A_fresh_run_ignores_the_staging_and_fetches_everything()
    {
        SimulatorServer server = fixture.Fresh();
        await InterruptAsync();

        server.ResetRequests();
        RawStageReport report = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions() with { ForceFresh = true });

        Assert.Equal(fixture.TotalPages, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Equal(0, report.PagesResumed);
        Assert.NotNull(report.DiscardedStaging);
        Assert.Equal(fixture.TotalPages, Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("raw", "stellantis_inventory")}"));
    }

    private static List<string> BodyHashes(Warehouse warehouse) =>
        [.. Warehouse.Query($"SELECT sub_resource || ' ' || page_number || ' ' || md5(body) FROM {warehouse.Read("raw", "stellantis_inventory")} ORDER BY sub_resource, page_number")
            .Select(r => (string)r[0]!)];
}
