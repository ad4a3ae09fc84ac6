using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ingest.Entities.Stellantis;
using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Tiers.Tests;

/// <summary>Rows sharing a key, from hand-made pages: the first wins, duplicates and conflicts are counted exactly.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ConflictTests(SimulatorFixture fixture) : IDisposable
{
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task Conflicts_are_counted_exactly_and_detailed_for_fifty_keys()
    {
        // Three real pages (the first two full), then 60 of their vehicles again with another dealer code (conflicts) and
        // 10 unchanged (duplicates).
        string code = fixture.Codes[^1].Code;
        var pages = Enumerable.Range(1, 3).Select(n => fixture.Server.Pages.RenderPage(SimulatorFixture.Query(code), n)).ToList();
        JsonArray Vehicles(byte[] page) => JsonNode.Parse(page)!["result"]!["data"]!["vehicles"]!.AsArray();
        var changed = pages.Take(2).SelectMany(p => Vehicles(p)).Take(60).Select(v => { v!["dealerCode"] = "99999"; return v; }).ToList();
        var same = Vehicles(pages[1]).Skip(10).Take(10).ToList();
        int real = pages.Sum(p => Vehicles(p).Count);
        pages.Add(Page(changed.Take(50)));
        pages.Add(Page(changed.Skip(50).Concat(same)));
        var options = fixture.RawOptions() with { SubResources = [code] };

        await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options, (subResource, ct) => Serve(subResource, pages, ct));
        TransformedStageReport report = await TransformedStage.RunAsync<StellantisVehicle>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        Assert.Equal(real + 70, report.RowsExtracted);
        Assert.Equal(real, report.RowsOut);
        Assert.Equal(60, report.ConflictingRows);
        Assert.Equal(60, report.ConflictingKeys);
        Assert.Equal(10, report.DuplicateRows);
        Assert.Equal(50, report.ConflictDetails.Count);
        KeyConflict first = report.ConflictDetails[0];
        Assert.Equal((string)changed[0]!["vin"]!, first.Key);
        Assert.Equal($"{code} page 1", first.WinnerPage);
        Assert.Equal(0, first.WinnerRecord);
        Assert.Equal($"{code} page 4", first.OtherPage);
        FieldDifference difference = Assert.Single(first.Fields);
        Assert.Equal("dealer_code", difference.Column);
        Assert.Equal("99999", difference.Other);
        Assert.NotEqual("99999", difference.Winner);

        string table = _warehouse.Read("transformed", "stellantis_inventory");
        Assert.Equal(real, Warehouse.Count($"SELECT count(DISTINCT vin) FROM {table}"));
        Assert.Equal(0, Warehouse.Count($"SELECT count(*) FROM {table} WHERE dealer_code = '99999'"));
    }

    [Fact]
    public async Task A_conflict_in_a_struct_column_names_the_field_that_differs()
    {
        // A dealer-locator page, then its first dealer again with another Monday opening time, and its second without
        // Sunday hours at all.
        byte[] first = fixture.Server.DealerLocator.Render(new DealerLocatorQuery("10001", Radius: 50, ResultsPerPage: 5));
        JsonArray dealers = JsonNode.Parse(first.AsSpan().StartsWith("\uFEFF"u8) ? first[3..] : first)!["dealer"]!.AsArray();
        JsonNode changed = dealers[0]!.DeepClone();
        changed["departments"]!["sales"]!["hours"]!["monday"]!["open"]!["time"] = "06:30";
        JsonNode unopened = dealers[1]!.DeepClone();
        unopened["departments"]!["sales"]!["hours"]!["sunday"] = null;
        byte[] second = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["status"] = 200, ["dealer"] = new JsonArray(changed, unopened) }.ToJsonString());
        var options = fixture.RawOptions() with { SubResources = ["J"] };

        await RawStage.RunAsync(SimulatorFixture.Today, _warehouse.Root, options, (subResource, ct) => Serve(subResource, [first, second], ct));
        TransformedStageReport report = await TransformedStage.RunAsync<StellantisDealer>(SimulatorFixture.Today, _warehouse.Root, SimulatorFixture.TransformedOptions());

        Assert.Equal(2, report.ConflictingKeys);
        KeyConflict monday = Assert.Single(report.ConflictDetails, c => c.Key == (string)dealers[0]!["dealerCode"]!);
        FieldDifference time = Assert.Single(monday.Fields);
        Assert.Equal("monday_hours.open_time", time.Column);
        Assert.Equal("06:30", time.Other);
        KeyConflict sunday = Assert.Single(report.ConflictDetails, c => c.Key == (string)dealers[1]!["dealerCode"]!);
        Assert.Equal("sunday_hours", sunday.Fields[0].Column);
        Assert.Equal(("{…}", (string?)null), (sunday.Fields[0].Winner, sunday.Fields[0].Other));
        Assert.All(sunday.Fields, f => Assert.StartsWith("sunday_hours", f.Column, StringComparison.Ordinal));
    }

    private static byte[] Page(IEnumerable<JsonNode?> vehicles)
    {
        var array = new JsonArray([.. vehicles.Select(v => v!.DeepClone())]);
        var page = new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["result"] = "SUCCESS",
                ["data"] = new JsonObject { ["totalCount"] = 270, ["vehicles"] = array },
            },
        };
        return System.Text.Encoding.UTF8.GetBytes(page.ToJsonString());
    }

    private static async IAsyncEnumerable<RawPage> Serve(SubResource subResource, List<byte[]> pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new RawPage
            {
                Source = "stellantis_inventory",
                SubResource = subResource,
                RequestUrl = new Uri($"http://127.0.0.1/hand-made?page={i + 1}"),
                PageNumber = i + 1,
                FetchedAt = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
                Status = 200,
                Elapsed = TimeSpan.FromMilliseconds(1),
                Body = pages[i],
                Outcome = PageOutcome.Fetched,
                AttemptLog = [new PageAttempt(1, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMilliseconds(1), 200, null)],
            };
        }
    }
}
