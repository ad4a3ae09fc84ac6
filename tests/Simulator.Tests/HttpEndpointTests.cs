using System.Net;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>The upstream shapes over real HTTP on loopback, with no faults.</summary>
public sealed class HttpEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SimulatorServer Server => fixture.Server;
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Serves_inventory_pages_on_loopback_and_counts_requests_per_path()
    {
        Assert.Equal("127.0.0.1", Server.BaseAddress.Host);
        Assert.NotEqual(0, Server.BaseAddress.Port);
        var before = Server.RequestCountFor(SimulatorPaths.Inventory);

        var response = await Client.GetAsync(Server.InventoryUrl("IUJ202510", 2, pageSize: 25));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, PageJson.Vins(body).Count);
        var expected = Server.Pages.Vehicles(new InventoryQuery(SharedInventory.Today, "IUJ202510")).Skip(25).Take(25).Select(v => v.Vin);
        Assert.Equal(expected, PageJson.Vins(body));
        Assert.Equal(before + 1, Server.RequestCountFor(SimulatorPaths.Inventory));
    }

    [Fact]
    public async Task Dealer_codes_keep_only_those_dealers_vehicles_and_count_them()
    {
        var all = Server.Pages.Vehicles(new InventoryQuery(SharedInventory.Today, "IUJ202510"));
        string[] dealers = [.. all.Select(v => v.DealerCode).Distinct().Order(StringComparer.Ordinal).Take(2)];
        var expected = all.Where(v => dealers.Contains(v.DealerCode)).Select(v => v.Vin).ToList();
        Assert.InRange(expected.Count, 1, all.Count - 1);

        var url = $"{Server.InventoryUrl("IUJ202510", 1, pageSize: 500)}&dealerCodes={dealers[1]},%20{dealers[0]}";
        var body = await Client.GetByteArrayAsync(url);

        Assert.Equal(expected.Count, PageJson.TotalCount(body));
        Assert.Equal(expected, PageJson.Vins(body));
        Assert.Equal(expected, Server.Pages.Vehicles(new InventoryQuery(SharedInventory.Today, "IUJ202510", DealerCodes: $"{dealers[0]},{dealers[1]}")).Select(v => v.Vin));
    }

    [Fact]
    public async Task Unknown_zip_answers_http_200_with_a_failure_envelope()
    {
        var response = await Client.GetAsync(Server.InventoryUrl("IUJ202510", 1, zip: "00000"));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("result");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("SUCCESS", result.GetProperty("result").GetString());
        Assert.Contains("00000", result.GetProperty("errors")[0].GetProperty("errorDesc").GetString());
    }

    [Fact]
    public async Task Invalid_page_number_answers_a_failure_envelope()
    {
        var url = Server.InventoryUrl("IUJ202510", 1).ToString().Replace("pageNumber=1", "pageNumber=abc");
        var result = JsonDocument.Parse(await Client.GetStringAsync(url)).RootElement.GetProperty("result");
        Assert.Equal("FAILURE", result.GetProperty("result").GetString());
        Assert.Contains("pageNumber", result.GetProperty("errors")[0].GetProperty("errorDesc").GetString());
    }

    [Fact]
    public async Task Dealer_locator_lists_dealers_nearest_first_within_the_radius()
    {
        var bytes = await Client.GetByteArrayAsync($"bdlws/MDLSDealerLocator?zipCode=10001&func=SALES&radius=150&brandCode=J&resultsPerPage=999&resultsPage=1");
        var json = JsonDocument.Parse(StripBom(bytes)).RootElement;
        var dealers = json.GetProperty("dealer").EnumerateArray().ToList();
        var distances = dealers.Select(d => d.GetProperty("distance").GetDouble()).ToList();

        Assert.Equal(200, json.GetProperty("status").GetInt32());
        Assert.NotEmpty(dealers);
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.InRange(d, 0, 150));
        Assert.Equal(Server.DealerLocator.Find(new DealerLocatorQuery("10001", 150)).Select(m => m.Dealer.DealerCode),
            dealers.Select(d => d.GetProperty("dealerCode").GetString()));
        // Coordinates come as strings for some dealers and numbers for others.
        var kinds = dealers.Select(d => d.GetProperty("dealerShowroomLatitude").ValueKind).Distinct().ToList();
        Assert.Contains(JsonValueKind.String, kinds);
        Assert.Contains(JsonValueKind.Number, kinds);
    }

    [Fact]
    public async Task Dealer_locator_answers_an_error_key_when_nothing_matches_and_some_bodies_start_with_a_bom()
    {
        var remote = await Client.GetByteArrayAsync("bdlws/MDLSDealerLocator?zipCode=10001&radius=0&brandCode=J");
        Assert.True(JsonDocument.Parse(StripBom(remote)).RootElement.TryGetProperty("error", out _));

        var zips = Server.Inventory.Dealers.KnownZips.Take(40).ToList();
        var boms = 0;
        foreach (var zip in zips)
        {
            var body = await Client.GetByteArrayAsync($"bdlws/MDLSDealerLocator?zipCode={zip}&radius=25&brandCode=J");
            var hasBom = body.AsSpan().StartsWith("\uFEFF"u8);
            Assert.Equal(Server.DealerLocator.StartsWithByteOrderMark(zip), hasBom);
            boms += hasBom ? 1 : 0;
        }
        Assert.InRange(boms, 1, zips.Count - 1);
    }

    [Fact]
    public async Task Mercedes_pages_cover_every_record_once_with_a_zero_based_start()
    {
        var query = new MercedesQuery(SharedInventory.Today, MercedesCondition.New, "10001", 100, 0, 12);
        var truth = Server.Mercedes.Vehicles(query).Select(v => v.Vin).ToList();
        Assert.InRange(truth.Count, 13, 2_000);

        var served = new List<string>();
        for (var start = 0; ; start++)
        {
            var root = JsonDocument.Parse(await Client.GetByteArrayAsync($"api/inv/v1/en_us/new/vehicles/search?zip=10001&distance=100&start={start}&count=12&withFilters=true")).RootElement;
            Assert.True(root.GetProperty("success").GetBoolean());
            var paged = root.GetProperty("result").GetProperty("pagedVehicles");
            var paging = paged.GetProperty("paging");
            Assert.Equal(truth.Count, paging.GetProperty("totalCount").GetInt32());
            Assert.Equal(start, paging.GetProperty("currentOffset").GetInt32());
            var records = paged.GetProperty("records").EnumerateArray().ToList();
            Assert.Equal(records.Count, paging.GetProperty("currentCount").GetInt32());
            served.AddRange(records.Select(r => r.GetProperty("vin").GetString()!));
            if (records.Count < 12) break;
        }
        Assert.Equal(truth, served);
    }

    [Fact]
    public async Task Mercedes_used_records_carry_string_attributes_and_national_search_is_larger()
    {
        var root = JsonDocument.Parse(await Client.GetByteArrayAsync("api/inv/v1/en_us/used/vehicles/search?zip=10001&distance=ANY&start=0&count=5")).RootElement;
        var record = root.GetProperty("result").GetProperty("pagedVehicles").GetProperty("records")[0];
        var used = record.GetProperty("usedVehicleAttributes");
        Assert.Equal(JsonValueKind.String, record.GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.String, used.GetProperty("mileage").ValueKind);
        Assert.Equal(JsonValueKind.String, used.GetProperty("dealer").GetProperty("address")[0].GetProperty("location").GetProperty("lat").ValueKind);

        var national = Server.Mercedes.Count(new MercedesQuery(SharedInventory.Today, MercedesCondition.Used, "10001"));
        var nearby = Server.Mercedes.Count(new MercedesQuery(SharedInventory.Today, MercedesCondition.Used, "10001", 50));
        Assert.True(national > nearby);
        Assert.Equal(national, root.GetProperty("result").GetProperty("pagedVehicles").GetProperty("paging").GetProperty("totalCount").GetInt32());

        var error = JsonDocument.Parse(await Client.GetByteArrayAsync("api/inv/v1/en_us/used/vehicles/search?zip=00000&distance=ANY")).RootElement;
        Assert.False(error.GetProperty("success").GetBoolean());
    }

    private static ReadOnlyMemory<byte> StripBom(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body.AsMemory();
}
