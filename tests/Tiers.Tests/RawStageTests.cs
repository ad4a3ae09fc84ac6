using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Tiers.Tests;

/// <summary>The raw stage against the in-process simulator over real HTTP, read back by DuckDB.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class RawStageTests(SimulatorFixture fixture) : IDisposable
{
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task A_raw_partition_has_one_row_per_page_with_the_simulators_bytes()
    {
        SimulatorServer server = fixture.Fresh();

        RawStageReport report = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());

        Assert.Equal(fixture.TotalPages, report.RowsOut);
        Assert.Equal(fixture.TotalPages, report.PagesFetched);
        Assert.Equal(0, report.PagesResumed);
        Assert.Equal(0, report.FailedPages);
        Assert.Equal(fixture.TotalPages, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.True(report.Memory.PeakWorkingSetBytes > 0);
        var rows = Warehouse.Query(
            $"SELECT sub_resource, page_number, body, status, attempts, outcome, error, source, CAST(partition_date AS VARCHAR), request_url, fetched_at " +
            $"FROM {_warehouse.Read("raw", "stellantis_inventory")} ORDER BY sub_resource, page_number");
        Assert.Equal(fixture.TotalPages, rows.Count);
        foreach ((string code, int pages) in fixture.Codes)
        {
            var codeRows = rows.Where(r => (string)r[0]! == code).ToList();
            Assert.Equal(Enumerable.Range(1, pages), codeRows.Select(r => (int)r[1]!));
            foreach (object?[] row in codeRows)
            {
                Assert.Equal(server.Pages.RenderPage(SimulatorFixture.Query(code), (int)row[1]!), (byte[])row[2]!);
                Assert.Equal(200, row[3]);
                Assert.Equal(1, row[4]);
                Assert.Equal("fetched", row[5]);
                Assert.Null(row[6]);
                Assert.Equal("stellantis_inventory", row[7]);
                Assert.Equal("2026-11-27", row[8]);
                Assert.Contains($"modelYearCode={code}", (string)row[9]!, StringComparison.Ordinal);
            }
        }
        string files = Path.Combine(_warehouse.Root, "raw", "stellantis_inventory", "**", "*.parquet").Replace("'", "''");
        var codecs = Warehouse.Query($"SELECT DISTINCT compression FROM parquet_metadata('{files}') WHERE path_in_schema = 'body'");
        Assert.Equal("ZSTD", Assert.Single(codecs)[0]);
    }

    [Fact]
    public async Task Failed_pages_are_rows_with_their_status_and_error()
    {
        fixture.Fresh(new FaultOptions { Seed = 7, ServerErrorRate = 0.25 });
        RawStageOptions options = fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 1 });

        RawStageReport report = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options);

        Assert.True(report.FailedPages > 0, report.ToString());
        Assert.Equal(report.PagesFetched, report.RowsOut);
        var failed = Warehouse.Query(
            $"SELECT status, outcome, error, octet_length(body) FROM {_warehouse.Read("raw", "stellantis_inventory")} WHERE outcome <> 'fetched'");
        Assert.Equal(report.FailedPages, failed.Count);
        Assert.All(failed, row =>
        {
            Assert.True((int)row[0]! >= 500, $"status {row[0]}");
            Assert.Equal("http_error", row[1]);
            Assert.Contains("HTTP", (string)row[2]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_run_in_which_every_page_fails_commits_nothing_and_the_previous_snapshot_stays()
    {
        fixture.Fresh();
        RawStageReport good = await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, fixture.RawOptions());
        // Every attempt at every URL answers 5xx: the upstream is down.
        fixture.Fresh(new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = int.MaxValue });
        RawStageOptions options = fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 2 });

        var failure = await Assert.ThrowsAsync<NothingFetchedException>(() => RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options));

        // Page 1 of each code failed, so no code's page count was ever known.
        Assert.Equal(fixture.Codes.Count, failure.FailedPages);
        Assert.All(failure.Errors, error => Assert.Contains("HTTP 5", error, StringComparison.Ordinal));
        Assert.Contains("Nothing was committed: the snapshot of raw/stellantis_inventory for 2026-11-27 is as it was", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the upstream is reachable", failure.Message, StringComparison.Ordinal);
        string manifest = Path.Combine(_warehouse.Root, "raw", "stellantis_inventory", "partition_date=2026-11-27", "_manifest.json");
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifest)))
            Assert.Equal(good.CommitId, json.RootElement.GetProperty("commit_id").GetString());
        Assert.Equal(fixture.TotalPages, Warehouse.Count($"SELECT count(*) FROM {_warehouse.Read("raw", "stellantis_inventory")} WHERE outcome = 'fetched'"));
        // The failed run's staging is gone: the next run fetches everything again.
        Assert.Empty(new Ingest.Tables.TableStore(_warehouse.Root).OpenTable("raw", "stellantis_inventory").StagedPartitions());
    }

    [Fact]
    public async Task With_nothing_fetched_the_stage_gives_up_after_three_sub_resources_and_records_their_failures()
    {
        SimulatorServer server = fixture.Fresh(new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = int.MaxValue });
        RawStageOptions options = fixture.RawOptions(retry: SimulatorFixture.FastRetry with { MaxAttempts = 1 }) with
        {
            SubResources = [.. fixture.Codes.Select(c => new SubResource(c.Code)), new SubResource("IUJ209901"), new SubResource("IUJ209902")],
        };

        var failure = await Assert.ThrowsAsync<NothingFetchedException>(() => RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options));

        Assert.Equal(RawStage.GiveUpAfterFailedSubResources, failure.FailedPages);
        Assert.Equal(RawStage.GiveUpAfterFailedSubResources, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Contains($"gave up after {RawStage.GiveUpAfterFailedSubResources} of 5 sub-resources", failure.Message, StringComparison.Ordinal);
        // With no snapshot to keep, the failures are rows, as for any failed page.
        Assert.Contains("The failed pages were committed to raw/stellantis_inventory for 2026-11-27 as rows with their errors", failure.Message, StringComparison.Ordinal);
        var rows = Warehouse.Query($"SELECT outcome, error FROM {_warehouse.Read("raw", "stellantis_inventory")}");
        Assert.Equal(RawStage.GiveUpAfterFailedSubResources, rows.Count);
        Assert.All(rows, row => Assert.Equal("http_error", row[0]));
        Assert.All(failure.Errors, error => Assert.Contains(error, rows.Select(r => (string)r[1]!)));
    }
}
