using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Simulator;

/// <summary>
/// The simulator served over real HTTP on loopback (Kestrel, 127.0.0.1). Start it in-process for tests
/// (<see cref="StartAsync"/>, ephemeral port) or standalone for a runner (<see cref="RunAsync"/>).
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private SimulatorServer(WebApplication app, SimulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public SimulatorOptions Options => _state.Options;

    /// <summary>The model behind the inventory endpoint (ground truth for tests).</summary>
    public JeepInventory Inventory => _state.Inventory;

    public InventoryPages Pages => _state.Pages;

    public DealerLocator DealerLocator => _state.DealerLocator;

    /// <summary>The model behind the dealer inventory feed (ground truth for tests).</summary>
    public DealerFeed DealerFeed => _state.DealerFeed;

    public MercedesInventory Mercedes => _state.Mercedes;

    /// <summary>Every request the server answered, counted per path.</summary>
    public RequestLog Requests => _state.Requests;

    /// <summary>Requests received so far, all paths together.</summary>
    public long RequestCount => _state.Requests.Total;

    /// <summary>Requests received for one path, e.g. <see cref="SimulatorPaths.Inventory"/>.</summary>
    public long RequestCountFor(string path) => _state.Requests.Count(path);

    /// <summary>The fault knobs in force; settable while running (also via <c>PUT /_sim/faults</c>).</summary>
    public FaultOptions Faults
    {
        get => _state.Faults;
        set => _state.Faults = value;
    }

    /// <summary>The inventory date served; settable while running (also via <c>PUT /_sim/date?date=yyyy-MM-dd</c>).</summary>
    public DateOnly Date
    {
        get => _state.Date;
        set => _state.Date = value;
    }

    /// <summary>
    /// Forgets request counts and attempts, and which searches have had their rows shifted. Requests still in flight
    /// are ended first (a held one answers no more; its client sees the connection close) and logged, so that nothing
    /// an earlier caller left behind lands in the next caller's log.
    /// </summary>
    /// <exception cref="TimeoutException">Requests were still being answered after <paramref name="drainTimeout"/> (10 s by default).</exception>
    public void ResetRequests(TimeSpan? drainTimeout = null) => _state.ResetRequests(drainTimeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Starts the simulator on 127.0.0.1 with an ephemeral port.</summary>
    public static Task<SimulatorServer> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options ?? new SimulatorOptions(), port: 0, cancellationToken);

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, int port, CancellationToken cancellationToken = default)
    {
        var state = new SimulatorState(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        SimulatorEndpoints.Map(app, state);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Runs the simulator standalone on 127.0.0.1:<paramref name="port"/> until cancelled (for the runner executable).</summary>
    public static async Task RunAsync(int port, SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var server = await StartAsync(options ?? new SimulatorOptions(), port, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The URL of inventory page <paramref name="pageNumber"/> as the real site's clients build it.</summary>
    public Uri InventoryUrl(string? modelYearCode, int pageNumber, string zip = InventoryQuery.NewYorkZip, int radius = InventoryQuery.NationalRadius, int pageSize = 50) =>
        new(BaseAddress, $"{SimulatorPaths.Inventory.TrimStart('/')}?zip={zip}&radius={radius}&modelYearCode={modelYearCode}&pageNumber={pageNumber}&pageSize={pageSize}&func=SALES&includeIncentives=Y&matchType=X&sortBy=0");

    /// <summary>The URL of dealer feed page <paramref name="page"/> as the platform's subscribers build it.</summary>
    public Uri DealerFeedUrl(int page, string zip = InventoryQuery.NewYorkZip, int radius = InventoryQuery.NationalRadius, int pageSize = DealerFeedQuery.DefaultPageSize, string brand = DealerFeedQuery.JeepBrand) =>
        new(BaseAddress, $"{SimulatorPaths.DealerFeed.TrimStart('/')}?brand={brand}&zip={zip}&radius={radius}&page={page}&pageSize={pageSize}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
