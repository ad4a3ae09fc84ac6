using System.Text;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

public sealed class GroundTruthTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    private readonly List<(SimulatedVehicle Truth, JsonElement Json)> _sample = Sample(shared);

    private static List<(SimulatedVehicle, JsonElement)> Sample(SharedInventory shared)
    {
        var query = new InventoryQuery(SharedInventory.Today, "IUJ202530", PageSize: 500);
        var truth = shared.Pages.Vehicles(query).Take(2000).ToList();
        var json = Enumerable.Range(1, 4).SelectMany(p => PageJson.Vehicles(shared.Pages.RenderPage(query, p)).EnumerateArray()).ToList();
        return truth.Zip(json).ToList();
    }

    [Fact]
    public void Vehicles_have_about_70_leaf_fields()
    {
        static int Leaves(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Sum(p => Leaves(p.Value)),
            // A list of name/value objects is one column per entry (attributes[typeDesc=Drive].value); a list of scalars is one column.
            JsonValueKind.Array => e.GetArrayLength() > 0 && e[0].ValueKind == JsonValueKind.Object ? e.GetArrayLength() : 1,
            _ => 1,
        };
        var widest = _sample.Max(s => Leaves(s.Json));
        Assert.InRange(widest, 65, 90);
    }

    [Fact]
    public void Prices_are_spelled_as_numbers_and_as_formatted_strings_but_mean_the_ground_truth()
    {
        var kinds = _sample.Select(s => s.Json.GetProperty("price")).Where(p => p.TryGetProperty("msrp", out var m) && m.ValueKind != JsonValueKind.Null)
            .Select(p => p.GetProperty("msrp")).ToList();
        Assert.Contains(kinds, m => m.ValueKind == JsonValueKind.Number);
        Assert.Contains(kinds, m => m.ValueKind == JsonValueKind.String && m.GetString()!.Contains(',') && !m.GetString()!.StartsWith('$'));
        Assert.Contains(kinds, m => m.ValueKind == JsonValueKind.String && m.GetString()!.StartsWith('$'));
        Assert.All(_sample, s =>
        {
            var price = s.Json.GetProperty("price");
            Assert.Equal(s.Truth.Msrp, PageJson.Amount(price, "msrp"));
            Assert.Equal(s.Truth.NetPrice, PageJson.Amount(price, "netPrice"));
            Assert.Equal(s.Truth.EmployeePrice, PageJson.Amount(price, "employeePrice"));
        });
    }

    [Fact]
    public void About_ten_percent_of_optional_fields_are_null_or_absent_and_both_spellings_occur()
    {
        var nullMsrp = _sample.Count(s => s.Truth.Msrp is null) / (double)_sample.Count;
        Assert.InRange(nullMsrp, 0.05, 0.15);
        var nullInJson = _sample.Count(s => s.Json.GetProperty("price").TryGetProperty("msrp", out var m) && m.ValueKind == JsonValueKind.Null);
        var absentInJson = _sample.Count(s => !s.Json.GetProperty("price").TryGetProperty("msrp", out _));
        Assert.True(nullInJson > 0 && absentInJson > 0);
        Assert.Equal(_sample.Count(s => s.Truth.Msrp is null), nullInJson + absentInJson);
    }

    [Fact]
    public void Strings_with_quotes_backslashes_and_non_ascii_round_trip_and_some_are_sent_as_unicode_escapes()
    {
        Assert.Contains(_sample, s => s.Truth.DealerNotes?.Contains('"') == true);
        Assert.Contains(_sample, s => s.Truth.DealerNotes?.Contains('\\') == true);
        Assert.Contains(_sample, s => s.Truth.ExteriorColorDesc.Contains('é') || s.Truth.ExteriorColorDesc.Contains('É'));
        Assert.All(_sample, s =>
        {
            Assert.Equal(s.Truth.ExteriorColorDesc, s.Json.GetProperty("exteriorColorDesc").GetString());
            if (s.Truth.DealerNotes is { } notes) Assert.Equal(notes, s.Json.GetProperty("dealerNotes").GetString());
        });
        var raw = Encoding.UTF8.GetString(shared.Pages.RenderPage(new InventoryQuery(SharedInventory.Today, "IUJ202530", PageSize: 500), 1));
        Assert.Contains("\\u00e9", raw);
        Assert.Contains("é", raw);
        Assert.Contains("\\\"", raw);
    }

    [Fact]
    public void Typed_flags_dates_and_numeric_strings_match_their_json_spellings()
    {
        Assert.All(_sample, s =>
        {
            var j = s.Json;
            Assert.Equal(s.Truth.ModelYear, j.GetProperty("modelYear").GetInt32());
            Assert.Equal(s.Truth.Ccode[..9], s.Truth.ModelYearCode);
            if (s.Truth.IsDemo is { } demo) Assert.Equal(demo ? "Y" : "N", j.GetProperty("isDemo").GetString());
            if (s.Truth.Horsepower is { } hp) Assert.Equal(hp.ToString(System.Globalization.CultureInfo.InvariantCulture), j.GetProperty("horsepower").GetString());
            if (s.Truth.CityMpg is { } mpg) Assert.Equal($"{mpg} MPG", j.GetProperty("cityMpg").GetString());
            if (s.Truth.DateInStock is { } stocked) Assert.Equal(stocked, DateOnly.ParseExact(j.GetProperty("dateInStock").GetString()!, "yyyy-MM-dd"));
            if (s.Truth.ProductionDate is { } produced) Assert.Equal(produced, DateOnly.ParseExact(j.GetProperty("productionDate").GetString()!, "MM/dd/yyyy"));
            var attributes = j.GetProperty("attributes").GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("typeDesc").GetString()!, a => a.GetProperty("value").GetString());
            Assert.Equal(s.Truth.Drive, attributes["Drive"]);
            Assert.Equal(s.Truth.PowerSource, attributes["Power Source"]);
            Assert.Equal(s.Truth.Options, j.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToArray());
        });
        Assert.Contains(_sample, s => s.Truth.DealerZipCode.Length == 9);
        Assert.Contains(_sample, s => s.Truth.DealerZipCode.Length == 5);
    }
}
