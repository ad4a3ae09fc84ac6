namespace Ingest.Simulator.Tests;

/// <summary>
/// Resetting the request log between tests: a request an earlier caller abandoned is still held by the server until it
/// sees the client go away, and its entry must land before the reset, not in the next caller's log.
/// </summary>
public sealed class RequestLogResetTests : IAsyncLifetime
{
    private SimulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await SimulatorServer.StartAsync(ServerFixture.SmallOptions);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string HeldUrl => _server.InventoryUrl("IUJ202510", 1, pageSize: 20) + "&variation=held";

    [Fact]
    public async Task A_held_request_is_in_flight_until_its_client_goes_away_and_the_reset_waits_for_its_entry()
    {
        _server.Faults = new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMinutes(2), FaultyAttemptsPerUrl = 1 };
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        using var cancel = new CancellationTokenSource();
        var request = client.GetAsync(HeldUrl, cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => _server.Requests.InFlight == 1, TimeSpan.FromSeconds(10)), "the request never arrived");

        var reset = Task.Run(() => _server.ResetRequests());
        await Task.Delay(200);
        Assert.False(reset.IsCompleted, "the reset did not wait for the held request");

        await cancel.CancelAsync(); // the client goes away: the server logs the request (499) and the reset goes on
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await reset.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _server.Requests.InFlight);
        Assert.Empty(_server.Requests.Entries);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task A_reset_while_a_client_still_waits_says_what_is_in_flight()
    {
        _server.Faults = new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMinutes(2), FaultyAttemptsPerUrl = 1 };
        using var patient = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var cancel = new CancellationTokenSource();
        var request = patient.GetAsync(HeldUrl, cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => _server.Requests.InFlight == 1, TimeSpan.FromSeconds(10)), "the request never arrived");

        var error = Assert.Throws<TimeoutException>(() => _server.ResetRequests(TimeSpan.FromMilliseconds(100)));

        Assert.StartsWith("1 request(s) were still in flight", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.RequestCount); // nothing was forgotten
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }
}
