using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Tiers.Tests;

/// <summary>
/// One simulator on loopback shared by the tests that fetch (they run one at a time, since each sets the fault knobs
/// and counts requests), and the fast scenario: New York 10001 + 50 miles, a few model-year codes.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 27);
    public const string Zip = InventoryQuery.NewYorkZip;
    public const int Radius = 50;

    public SimulatorServer Server { get; private set; } = null!;

    /// <summary>Three model-year codes near New York with several pages each, fewest pages first.</summary>
    public IReadOnlyList<(string Code, int Pages)> Codes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(new SimulatorOptions { Date = Today });
        Codes = [.. JeepInventory.AllModelYearCodes
            .Select(code => (code, Pages: Server.Pages.PageCount(Query(code)), Vehicles: Server.Pages.Count(Query(code))))
            .Where(c => c.Vehicles > 0 && c.Pages is >= 3 and <= 12)
            .OrderBy(c => c.Pages).ThenBy(c => c.code, StringComparer.Ordinal)
            .Take(3)
            .Select(c => (c.code, c.Pages))];
        if (Codes.Count < 3) throw new InvalidOperationException("The fast scenario wants three model-year codes with 3 to 12 pages near New York.");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Clean server: the given faults (none by default), empty request log.</summary>
    public SimulatorServer Fresh(FaultOptions? faults = null)
    {
        Server.Faults = faults ?? FaultOptions.None;
        Server.ResetRequests();
        return Server;
    }

    public static InventoryQuery Query(string code) => new(Today, code, Zip, Radius, 50);

    public int TotalPages => Codes.Sum(c => c.Pages);

    public int TotalVehicles => Codes.Sum(c => Server.Pages.Count(Query(c.Code)));

    public static FetchRetryOptions FastRetry { get; } = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>The raw stage's options for the fast scenario against <paramref name="server"/>.</summary>
    public RawStageOptions RawOptions(SimulatorServer? server = null, FetchRetryOptions? retry = null) => new()
    {
        Source = KnownSources.StellantisInventory((server ?? Server).BaseAddress, Zip, Radius) with { Concurrency = 4, Retry = retry ?? FastRetry },
        SubResources = [.. Codes.Select(c => new SubResource(c.Code))],
        PagesPerBatch = 2,
        RowGroupBytes = 256 * 1024,
    };

    public static TransformedStageOptions TransformedOptions(string rawTable = "stellantis_inventory") => new() { RawTable = rawTable };
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Tiers against the simulator";
}
