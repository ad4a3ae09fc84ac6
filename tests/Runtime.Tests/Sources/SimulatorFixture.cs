using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>
/// One national-scale simulator on loopback shared by every page-source test; the tests run one at a time
/// (<see cref="SimulatorCollection"/>) because each sets the server's fault knobs.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public SimulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SimulatorServer.StartAsync(new SimulatorOptions { Date = Today });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Clean server: no faults, empty request log.</summary>
    public SimulatorServer Fresh(FaultOptions? faults = null)
    {
        Server.Faults = faults ?? FaultOptions.None;
        Server.ResetRequests();
        return Server;
    }

    /// <summary>The Stellantis source against the simulator, with millisecond backoff so retries stay fast.</summary>
    public PagedSourceOptions Jeep(string zip = InventoryQuery.NewYorkZip, int radius = 50, int concurrency = 4) =>
        KnownSources.StellantisInventory(Server.BaseAddress, zip, radius) with
        {
            Concurrency = concurrency,
            Retry = FastRetry,
        };

    public static FetchRetryOptions FastRetry { get; } = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public InventoryQuery Query(string code, string zip = InventoryQuery.NewYorkZip, int radius = 50) => new(Today, code, zip, radius, 50);

    /// <summary>The model-year codes around New York + 50 mi, by how many pages they have.</summary>
    public IReadOnlyList<(string Code, int Pages)> CodesNearNewYork() =>
        [.. JeepInventory.AllModelYearCodes
            .Select(code => (code, Server.Pages.Count(Query(code))))
            .Where(c => c.Item2 > 0)
            .Select(c => (c.code, Server.Pages.PageCount(Query(c.code))))
            .OrderByDescending(c => c.Item2)];
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Page sources against the simulator";
}
