using System.Net;
using System.Net.Sockets;

namespace Ingest.Runner.Tests;

/// <summary><c>ingest run</c> against an upstream that refuses every connection: it fails, soon, and commits nothing.</summary>
public sealed class UpstreamDownTests
{
    [Fact]
    public async Task A_run_against_a_closed_port_gives_up_after_three_sub_resources_and_commits_nothing()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        string upstream = $"http://127.0.0.1:{ClosedPort()}/";

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path,
            "run", "stellantis_jeep_inventory_fast", "--upstream", upstream, "--warehouse", warehouse, "--date", JeepRun.Date)).ExitsWith(IngestResult.Failure);

        Assert.Contains($"No page could be fetched from {upstream}: all 3 pages asked for failed (gave up after 3 of ", run.Stderr);
        Assert.Contains("got no answer", run.Stderr);
        Assert.Contains("Nothing was committed: stellantis/raw_inventory has no snapshot for " + JeepRun.Date, run.Stderr);
        Assert.Contains("raw_inventory failed after", run.Stderr);
        Assert.DoesNotContain("transformed_vehicles", run.Stderr + run.Stdout); // the next stage never ran
        Assert.False(Directory.Exists(Path.Combine(warehouse, "stellantis", "raw_inventory", $"partition_date={JeepRun.Date}")));
    }

    /// <summary>A loopback port nothing listens on (the system's pick, released at once).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
