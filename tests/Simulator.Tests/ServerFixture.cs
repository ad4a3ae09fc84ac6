namespace Ingest.Simulator.Tests;

/// <summary>A small simulator served on loopback, shared by the tests of one class (each sets the faults it needs).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public static readonly SimulatorOptions SmallOptions = new()
    {
        Date = SharedInventory.Today,
        VehicleCount = 20_000,
        DealerCount = 400,
        MercedesVehicleCount = 2_000,
        MercedesDealerCount = 60,
    };

    public SimulatorServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(SmallOptions);
        Client = new HttpClient { BaseAddress = Server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
