namespace Ingest.Runner.Tests;

/// <summary>
/// <c>ingest run</c> against an upstream that refuses every connection: it fails, soon, and never runs the transform; and the
/// retry knobs a scenario may set.
/// </summary>
public sealed class UpstreamDownTests
{
    [Fact]
    public async Task A_run_against_a_closed_port_gives_up_after_three_sub_resources_and_fails()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        string upstream = Loopback.ClosedUpstream();

        // One attempt a page (the scenario knob INGEST_MAX_ATTEMPTS), so the test does not wait out the backoff.
        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, new Dictionary<string, string> { ["INGEST_MAX_ATTEMPTS"] = "1" },
            "run", "stellantis_jeep_inventory_fast", "--upstream", upstream, "--warehouse", warehouse, "--date", JeepRun.Date)).ExitsWith(IngestResult.Failure);

        Assert.Contains($"No page could be fetched from {upstream}: all 3 pages asked for failed (gave up after 3 of ", run.Stderr);
        Assert.Contains("got no answer in 1 attempt(s)", run.Stderr);
        Assert.Contains("Retries are set in a scenario's env (or the environment): INGEST_MAX_ATTEMPTS", run.Stderr);
        Assert.Contains($"The failed pages were committed to stellantis/raw_inventory for {JeepRun.Date} as rows with their errors", run.Stderr);
        Assert.Contains("raw_inventory failed after", run.Stderr);
        Assert.DoesNotContain("transformed_vehicles", run.Stderr + run.Stdout); // the next stage never ran
        Assert.Equal(3, DuckDb.Count($"SELECT count(*) FROM {DuckDb.Read(warehouse, "stellantis/raw_inventory")} WHERE outcome = 'no_response'"));
        Assert.False(Directory.Exists(Path.Combine(warehouse, "stellantis", "transformed_vehicles_from_inventory")));
    }

    [Theory]
    [InlineData("INGEST_MAX_ATTEMPTS", "0")]
    [InlineData("INGEST_ATTEMPT_TIMEOUT_S", "-5")]
    public async Task A_retry_knob_below_its_least_value_is_a_usage_error(string knob, string value)
    {
        using var folder = new TempFolder();

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, new Dictionary<string, string> { [knob] = value },
            "run", "stellantis_jeep_inventory_fast", "--warehouse", folder.Combine("wh"), "--date", JeepRun.Date)).ExitsWith(IngestResult.Usage);

        Assert.Contains($"{knob}={value} in scenario 'stellantis_jeep_inventory_fast' is below 1", run.Stderr);
    }
}
