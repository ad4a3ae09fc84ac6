namespace Ingest.Simulator.Tests;

/// <summary>
/// Resetting the request log between tests: a request an earlier caller left held (a fault knob holds it for minutes,
/// until the server notices its client go away, which a loaded machine can be slow to) is ended by the reset, and its
/// entry lands before the reset, not in the next caller's log.
/// </summary>
public sealed class RequestLogResetTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(ServerFixture.SmallOptions);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string HeldUrl => _server.InventoryUrl("IUJ202510", 1, pageSize: 20) + "&variation=held";

    [Fact]
    public async Task A_reset_ends_a_held_request_and_leaves_an_empty_log()
    {
        _server.Faults = new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMinutes(2), FaultyAttemptsPerUrl = 1 };
        // A client that would wait for ever: only the server can end its request.
        using var patient = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        Task<HttpResponseMessage> request = patient.GetAsync(HeldUrl);
        Assert.True(SpinWait.SpinUntil(() => _server.Requests.InFlight == 1, TimeSpan.FromSeconds(10)), "the request never arrived");

        _server.ResetRequests();

        await Assert.ThrowsAsync<HttpRequestException>(() => request.WaitAsync(TimeSpan.FromSeconds(10)));
        await Task.Delay(200); // time enough for a late entry to land, were the reset not waiting for it
        Assert.Equal(0, _server.Requests.InFlight);
        Assert.Empty(_server.Requests.Entries);
        Assert.Equal(0, _server.RequestCount);
        // The server goes on answering: the same URL's next attempt is its first after the reset, held again.
        _server.Faults = FaultOptions.None;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await patient.GetAsync(HeldUrl)).StatusCode);
        Assert.Equal(1, Assert.Single(_server.Requests.Entries).Attempt);
    }
}
