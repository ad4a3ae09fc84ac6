using System.Net;
using System.Text;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>Each fault knob, over real HTTP. Tests in this class run one at a time; each uses its own URLs (a distinct <c>variation</c>).</summary>
public sealed class FaultTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SimulatorServer Server => fixture.Server;
    private HttpClient Client => fixture.Client;

    private string Url(string variation, int page = 1, int pageSize = 20, string code = "IUJ202510") =>
        Server.InventoryUrl(code, page, pageSize: pageSize) + "&variation=" + variation;

    private byte[] CleanPage(int page = 1, int pageSize = 20, string code = "IUJ202510") =>
        Server.Pages.RenderPage(new InventoryQuery(SharedInventory.Today, code, PageSize: pageSize), page);

    [Fact]
    public async Task Server_errors_answer_5xx_until_the_faulty_attempts_are_used_up()
    {
        Server.Faults = new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = 2 };
        var url = Url("server-error");
        var first = await Client.GetAsync(url);
        var second = await Client.GetAsync(url);
        var third = await Client.GetAsync(url);

        Assert.Contains((int)first.StatusCode, new[] { 500, 502, 503 });
        Assert.Contains((int)second.StatusCode, new[] { 500, 502, 503 });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(CleanPage(), await third.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Too_many_requests_answers_429_with_retry_after_and_a_retry_succeeds()
    {
        Server.Faults = new FaultOptions { TooManyRequestsRate = 1, RetryAfter = TimeSpan.FromSeconds(7), FaultyAttemptsPerUrl = 1 };
        var url = Url("too-many");
        var limited = await Client.GetAsync(url);
        var retried = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task Timeouts_hold_the_request_beyond_the_client_timeout()
    {
        Server.Faults = new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMinutes(2), FaultyAttemptsPerUrl = 1 };
        using var impatient = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(250) };
        var url = Url("timeout");

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync(url));
        // The retry with a client that waits: rendering the page may take longer than 250 ms on a loaded machine.
        var retried = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task Truncated_bodies_are_a_strict_prefix_of_the_page_and_not_valid_json()
    {
        Server.Faults = new FaultOptions { TruncatedBodyRate = 1, FaultyAttemptsPerUrl = 1 };
        var url = Url("truncated");
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        var clean = CleanPage();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length < clean.Length);
        Assert.Equal(clean.AsSpan(0, body.Length).ToArray(), body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(clean, await Client.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task Malformed_bodies_are_not_valid_json()
    {
        Server.Faults = new FaultOptions { MalformedJsonRate = 1, FaultyAttemptsPerUrl = 1 };
        var body = await Client.GetByteArrayAsync(Url("malformed"));

        Assert.Equal(CleanPage().Length - 1, body.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Schema_drift_sends_numbers_as_strings_drops_or_adds_fields_or_renames_totalcount()
    {
        Server.Faults = new FaultOptions { SchemaDriftRate = 1 };
        var seen = new HashSet<string>();
        for (var page = 1; page <= 24; page++)
        {
            var response = await Client.GetAsync(Url("drift", page, 5));
            var drift = response.Headers.GetValues("X-Sim-Fault").Single();
            var root = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
            var data = root.GetProperty("result").GetProperty("data");
            var vehicle = data.GetProperty("vehicles")[0];
            seen.Add(drift);
            switch (drift)
            {
                case "SchemaDrift:NumberAsString":
                    Assert.Equal(JsonValueKind.String, vehicle.GetProperty("modelYear").ValueKind);
                    Assert.Equal(JsonValueKind.String, vehicle.GetProperty("lat").ValueKind);
                    break;
                case "SchemaDrift:MissingField":
                    Assert.False(vehicle.TryGetProperty("exteriorColorCode", out _));
                    break;
                case "SchemaDrift:ExtraField":
                    Assert.True(vehicle.TryGetProperty("simUnexpected", out _));
                    break;
                case "SchemaDrift:TotalCountCamelCase":
                    Assert.True(data.GetProperty("metadata").TryGetProperty("totalCount", out _));
                    Assert.False(data.GetProperty("metadata").TryGetProperty("totalcount", out _));
                    break;
                default:
                    Assert.Fail($"Unexpected fault header {drift}");
                    break;
            }
        }
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public async Task Latency_is_applied_and_reported_and_the_evening_peak_raises_it()
    {
        var first = Server.RequestCount;
        Server.Faults = new FaultOptions
        {
            Latency = TimeSpan.FromMilliseconds(3),
            PeakLatency = TimeSpan.FromMilliseconds(6),
            PeakAfterRequests = (int)first + 2,
        };
        var delays = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var response = await Client.GetAsync(Url("latency", page));
            delays.Add(response.Headers.GetValues("X-Sim-Delay-Ms").Single());
        }
        Assert.Equal(["3", "3", "6", "6"], delays);
        var logged = Server.Requests.Entries.Where(e => e.Query.Contains("variation=latency")).Select(e => e.Delay.TotalMilliseconds).ToList();
        Assert.Equal([3.0, 3.0, 6.0, 6.0], logged);
    }

    [Fact]
    public void Jitter_spreads_latency_within_its_bounds_deterministically()
    {
        var options = new FaultOptions { Latency = TimeSpan.FromMilliseconds(300), Jitter = TimeSpan.FromMilliseconds(50) };
        var delays = Enumerable.Range(1, 200).Select(i => FaultPlan.Decide(options, $"/p?pageNumber={i}", 1, i).Delay.TotalMilliseconds).ToList();
        Assert.All(delays, d => Assert.InRange(d, 250, 350));
        Assert.True(delays.Distinct().Count() > 100);
        Assert.Equal(delays, Enumerable.Range(1, 200).Select(i => FaultPlan.Decide(options, $"/p?pageNumber={i}", 1, i).Delay.TotalMilliseconds));
    }

    [Fact]
    public void Fault_rates_are_honoured_and_decisions_are_repeatable_per_seed_url_and_attempt()
    {
        var options = new FaultOptions { ServerErrorRate = 0.2, TooManyRequestsRate = 0.1 };
        var decisions = Enumerable.Range(1, 2000).Select(i => FaultPlan.Decide(options, $"/p?pageNumber={i}", 1, 0).Kind).ToList();
        Assert.InRange(decisions.Count(k => k == FaultKind.TooManyRequests), 140, 260);
        Assert.InRange(decisions.Count(k => k == FaultKind.ServerError), 280, 440);
        Assert.Equal(decisions, Enumerable.Range(1, 2000).Select(i => FaultPlan.Decide(options, $"/p?pageNumber={i}", 1, 0).Kind));
        var reseeded = Enumerable.Range(1, 2000).Select(i => FaultPlan.Decide(options with { Seed = 99 }, $"/p?pageNumber={i}", 1, 0).Kind);
        Assert.NotEqual(decisions, reseeded);
        var retries = Enumerable.Range(1, 2000).Select(i => FaultPlan.Decide(options, $"/p?pageNumber={i}", 2, 0).Kind);
        Assert.NotEqual(decisions, retries);
    }

    [Theory]
    [InlineData(RowShiftKind.Insertion)]
    [InlineData(RowShiftKind.Removal)]
    public async Task Rows_move_between_pages_after_the_shift_page_is_served(RowShiftKind kind)
    {
        Server.Faults = new FaultOptions { RowShiftAfterPage = 2, RowShiftKind = kind };
        var truth = Server.Pages.Vehicles(new InventoryQuery(SharedInventory.Today, "IUJ202620")).Select(v => v.Vin).ToList();
        var pages = new List<byte[]>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await Client.GetByteArrayAsync(Url("shift-" + kind, page, 20, "IUJ202620")));
        }
        var served = pages.SelectMany(PageJson.Vins).ToList();

        Assert.Equal(truth.Take(40), served.Take(40));
        if (kind == RowShiftKind.Insertion)
        {
            Assert.Equal(truth.Count + 1, PageJson.TotalCount(pages[2]));
            Assert.Equal(truth[39], served[40]); // the last row of page 2 is served again at the top of page 3
            Assert.Equal(truth.Skip(39).Take(40), served.Skip(40));
        }
        else
        {
            Assert.Equal(truth.Count - 1, PageJson.TotalCount(pages[2]));
            Assert.Equal(truth.Skip(41).Take(40), served.Skip(40)); // truth[40] moved onto page 2 and is never read
        }
    }

    [Fact]
    public async Task Faults_and_date_can_be_set_through_the_admin_endpoints()
    {
        Server.Faults = FaultOptions.None;
        var put = await Client.PutAsync(SimulatorPaths.AdminFaults.TrimStart('/'),
            new StringContent("""{"serverErrorRate":1,"faultyAttemptsPerUrl":1,"rowShiftKind":"Removal"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, Server.Faults.ServerErrorRate);
        Assert.Equal(RowShiftKind.Removal, Server.Faults.RowShiftKind);
        Assert.True((int)(await Client.GetAsync(Url("admin"))).StatusCode >= 500);

        Server.Faults = FaultOptions.None;
        var today = await Client.GetByteArrayAsync(Url("admin-date"));
        await Client.PutAsync(SimulatorPaths.AdminDate.TrimStart('/') + "?date=2026-11-28", null);
        var tomorrow = await Client.GetByteArrayAsync(Url("admin-date"));
        await Client.PutAsync(SimulatorPaths.AdminDate.TrimStart('/') + "?date=2026-11-27", null);
        Assert.Equal(new DateOnly(2026, 11, 27), Server.Date);
        Assert.NotEqual(today, tomorrow);

        var counts = JsonDocument.Parse(await Client.GetStringAsync(SimulatorPaths.AdminRequests.TrimStart('/'))).RootElement;
        Assert.True(counts.GetProperty("paths").GetProperty(SimulatorPaths.Inventory).GetInt64() >= 3);
    }
}
