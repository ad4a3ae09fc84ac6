using System.Net;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>The dealer feed over real HTTP: the model's bytes, its errors, and the fault knobs. Tests in this class run one at a time.</summary>
public sealed class DealerFeedHttpTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SimulatorServer Server => fixture.Server;
    private HttpClient Client => fixture.Client;

    private static readonly DealerFeedQuery NewYork = new(SharedInventory.Today, Radius: 150, PageSize: 40);

    private Uri Url(int page, string variation = "") =>
        new(Server.DealerFeedUrl(page, radius: NewYork.Radius, pageSize: NewYork.PageSize) + (variation.Length > 0 ? "&variation=" + variation : ""));

    private byte[] CleanPage(int page) => Server.DealerFeed.RenderPage(NewYork with { Page = page });

    [Fact]
    public async Task Serves_the_models_pages_and_counts_requests_on_the_feed_path()
    {
        Server.Faults = FaultOptions.None;
        var before = Server.RequestCountFor(SimulatorPaths.DealerFeed);

        var response = await Client.GetAsync(Url(2));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CleanPage(2), body);
        Assert.Equal(Server.DealerFeed.Items(NewYork).Skip(40).Take(40).Select(i => i with { HasStalePrice = false }), FeedPageJson.Items(body));
        Assert.Equal(before + 1, Server.RequestCountFor(SimulatorPaths.DealerFeed));
    }

    [Fact]
    public async Task An_independent_server_with_the_same_seed_serves_the_same_bytes()
    {
        Server.Faults = FaultOptions.None;
        await using var other = await SimulatorServer.StartAsync(ServerFixture.SmallOptions);
        using var client = new HttpClient();

        Assert.Equal(await Client.GetByteArrayAsync(Url(1)), await client.GetByteArrayAsync(other.DealerFeedUrl(1, radius: NewYork.Radius, pageSize: NewYork.PageSize)));
    }

    [Fact]
    public async Task Unknown_zips_and_bad_parameters_answer_an_error_body_and_another_brand_an_empty_feed()
    {
        Server.Faults = FaultOptions.None;
        var unknownZip = JsonDocument.Parse(await Client.GetStringAsync(Server.DealerFeedUrl(1, zip: "00000"))).RootElement;
        var badPage = JsonDocument.Parse(await Client.GetStringAsync(Url(1).ToString().Replace("page=1", "page=abc", StringComparison.Ordinal))).RootElement;
        var ram = await Client.GetByteArrayAsync(Server.DealerFeedUrl(1, brand: "R"));

        Assert.Equal("INVALID_ZIP", unknownZip.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("00000", unknownZip.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("INVALID_PARAMETER", badPage.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, FeedPageJson.TotalItems(ram));
        Assert.Empty(FeedPageJson.Items(ram));
    }

    [Fact]
    public async Task Server_errors_and_truncated_bodies_apply_until_the_faulty_attempts_are_used_up()
    {
        Server.Faults = new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = 1 };
        var failed = await Client.GetAsync(Url(1, "server-error"));
        var retried = await Client.GetAsync(Url(1, "server-error"));
        Assert.Contains((int)failed.StatusCode, new[] { 500, 502, 503 });
        Assert.Equal(CleanPage(1), await retried.Content.ReadAsByteArrayAsync());

        Server.Faults = new FaultOptions { TruncatedBodyRate = 1, FaultyAttemptsPerUrl = 1 };
        var truncated = await Client.GetByteArrayAsync(Url(1, "truncated"));
        Assert.True(truncated.Length < CleanPage(1).Length);
        Assert.Equal(CleanPage(1).AsSpan(0, truncated.Length).ToArray(), truncated);
        Assert.Equal(CleanPage(1), await Client.GetByteArrayAsync(Url(1, "truncated")));
        Server.Faults = FaultOptions.None;
    }

    [Fact]
    public async Task Schema_drift_sends_numbers_as_strings_drops_or_adds_fields_or_renames_total_items()
    {
        Server.Faults = new FaultOptions { SchemaDriftRate = 1 };
        var seen = new HashSet<string>();
        for (var page = 1; page <= 24; page++)
        {
            var response = await Client.GetAsync(new Uri(Server.DealerFeedUrl(page, radius: NewYork.Radius, pageSize: 5) + "&variation=drift"));
            var drift = response.Headers.GetValues("X-Sim-Fault").Single();
            var root = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
            var feed = root.GetProperty("feed");
            var item = root.GetProperty("items").EnumerateArray().First(i => i.GetProperty("pricing").GetProperty("msrp").ValueKind != JsonValueKind.Null
                && i.GetProperty("odometer").ValueKind != JsonValueKind.Null);
            seen.Add(drift);
            switch (drift)
            {
                case "SchemaDrift:NumberAsString":
                    Assert.Equal(JsonValueKind.String, item.GetProperty("pricing").GetProperty("msrp").ValueKind);
                    Assert.Equal(JsonValueKind.String, item.GetProperty("odometer").ValueKind);
                    break;
                case "SchemaDrift:MissingField":
                    Assert.False(item.TryGetProperty("exteriorColor", out _));
                    break;
                case "SchemaDrift:ExtraField":
                    Assert.True(item.TryGetProperty("simUnexpected", out _));
                    break;
                case "SchemaDrift:TotalCountCamelCase":
                    Assert.True(feed.TryGetProperty("totalitems", out _));
                    Assert.False(feed.TryGetProperty("totalItems", out _));
                    break;
                default:
                    Assert.Fail($"Unexpected fault header {drift}");
                    break;
            }
        }
        Assert.Equal(4, seen.Count);
        Server.Faults = FaultOptions.None;
    }
}
