using System.Text;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>What the extractor makes of the JSON upstreams really send: gaps, extras, escapes, nesting, repeats.</summary>
public sealed class JsonShapeTests
{
    private static byte[] VehiclePage(params string[] vehicles) =>
        Pages.Utf8("""{"result":{"data":{"vehicles":[""" + string.Join(",", vehicles) + "]}}}");

    [Fact]
    public void Null_and_missing_fields_are_null_in_every_column()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"name":null,"count":null,"total":null,"ratio":null,"price":null,"active":null,"day":null,"at":null,"tags":null,"scores":null,"counters":null,"weights":null,"amounts":null}""",
            "{}");

        Assert.Equal(2, batch.Length);
        for (int column = 0; column < batch.Batch.ColumnCount; column++)
        {
            Assert.Equal(2, batch.Batch.Column(column).NullCount);
        }
        Assert.True(batch.Report.IsClean);
        Assert.Empty(batch.Report.UnknownFields);
    }

    [Fact]
    public void Unknown_fields_are_skipped_and_reported_by_dotted_path_with_counts()
    {
        using ExtractedBatch batch = Pages.Extract<SampleVehicle>(VehiclePage(
            """{"vin":"1","dealerCode":"D1","price":{"msrp":"1","currency":"USD"},"extra":{"deep":[1,{"x":2}]}}""",
            """{"vin":"2","dealerCode":"D2","price":{"currency":"USD","msrp":"2"}}""",
            """{"vin":"3","price":{"msrp":"3"}}"""));

        Assert.Equal(["1", "2", "3"], batch.Strings("vin"));
        Assert.Equal([1m, 2m, 3m], batch.Decimals("msrp"));
        Assert.Equal(
            [new UnknownField("dealerCode", 2), new UnknownField("extra", 1), new UnknownField("price.currency", 2)],
            batch.Report.UnknownFields.OrderBy(u => u.Path, StringComparer.Ordinal));
        Assert.True(batch.Report.IsClean, "unknown fields are worth knowing, not a failure");
    }

    [Fact]
    public void Names_of_one_length_are_told_apart_even_when_they_share_the_byte_the_matcher_jumps_on()
    {
        using ExtractedBatch batch = Pages.ExtractItems<LookalikeNamesRecord>(
            """{"outputs":"o","fabrica":"a","façade":"ç","fabrics":"s","fabricz":"unknown, same bucket","zzzzzzz":"unknown, no bucket"}""",
            """{"fabrics":"s2","fa\u00e7ade":"escaped"}""");

        Assert.Equal(["ç", "escaped"], batch.Strings("facade"));
        Assert.Equal(["s", "s2"], batch.Strings("fabrics"));
        Assert.Equal(["a", null], batch.Strings("fabrica"));
        Assert.Equal(["o", null], batch.Strings("outputs"));
        Assert.Equal(
            [new UnknownField("fabricz", 1), new UnknownField("zzzzzzz", 1)],
            batch.Report.UnknownFields.OrderBy(u => u.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_field_counts_are_exact_whatever_order_the_fields_come_in()
    {
        var records = new List<string>();
        var expected = new Dictionary<string, int>();
        string[] names = ["alpha", "beta", "gamma", "delta"];
        for (int i = 0; i < 40; i++)
        {
            // Rotate and thin the unknown fields so they never arrive in one steady order; the same name also
            // appears under "price", which is a different path.
            var fields = new List<string>();
            for (int k = 0; k < names.Length; k++)
            {
                string name = names[(i + k) % names.Length];
                if ((i + k) % 3 == 0) continue;
                fields.Add($"\"{name}\":{k}");
                expected[name] = expected.GetValueOrDefault(name) + 1;
            }
            string price = i % 4 == 0 ? ",\"price\":{\"alpha\":1,\"msrp\":\"1\"}" : "";
            if (i % 4 == 0) expected["price.alpha"] = expected.GetValueOrDefault("price.alpha") + 1;
            records.Add("{" + string.Join(",", [.. fields, "\"vin\":\"v\""]) + price + "}");
        }
        using ExtractedBatch batch = Pages.Extract<SampleVehicle>(VehiclePage([.. records]));

        Assert.Equal(40, batch.Length);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new UnknownField(e.Key, e.Value)),
            batch.Report.UnknownFields.OrderBy(u => u.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void Unicode_escapes_surrogate_pairs_and_escaped_quotes_are_unescaped()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"name":"Caf\u00e9"}""",
            """{"name":"\ud83d\ude99 Jeep"}""",
            """{"name":"The \"Rubicon\" \\ trail\/path\n"}""",
            """{"name":"déjà vu 🚙","tags":["\u00e9t\u00e9","a\tb"]}""");

        Assert.Equal(["Café", "🚙 Jeep", "The \"Rubicon\" \\ trail/path\n", "déjà vu 🚙"], batch.Strings("name"));
        Assert.Equal(["été", "a\tb"], batch.Lists<Apache.Arrow.StringArray, string>("tags", (a, i) => a.GetString(i))[3]);
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Escaped_property_names_match_their_declared_names()
    {
        using ExtractedBatch batch = Pages.Extract<SampleVehicle>(VehiclePage(
            """{"\u0076in":"V1","\u006clp":"2BX","pr\u0069ce":{"\u006dsrp":"10"},"unkn\u00f6wn":1}"""));

        Assert.Equal(["V1"], batch.Strings("vin"));
        Assert.Equal(["2BX"], batch.Strings("lower_level_package"));
        Assert.Equal([10m], batch.Decimals("msrp"));
        Assert.Equal(new UnknownField("unknöwn", 1), Assert.Single(batch.Report.UnknownFields));
    }

    [Fact]
    public void Escaped_text_through_a_coercer_chain_is_coerced_after_unescaping()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TextRecord>("""{"code":"  \u00e9l\u00e9gant\t","email":"\u0041@B.c "}""");

        Assert.Equal(["ÉLÉGANT"], batch.Strings("code"));
        Assert.Equal(["a@b.c"], batch.Strings("email"));
    }

    [Fact]
    public void Long_escaped_strings_are_unescaped_whole()
    {
        string text = string.Concat(Enumerable.Repeat("\\u00e9x", 2000));
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>($$"""{"name":"{{text}}"}""", """{"name":"\u00e9"}""");

        Assert.Equal([string.Concat(Enumerable.Repeat("éx", 2000)), "é"], batch.Strings("name"));
    }

    [Fact]
    public void Deeply_nested_unknown_objects_are_skipped_whole()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"n\":[", 100)) + "1" + string.Concat(Enumerable.Repeat("]}", 100));
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>($$"""{"name":"before","junk":{{deep}},"count":7}""");

        Assert.Equal(["before"], batch.Strings("name"));
        Assert.Equal([7], batch.Int32s("count"));
        Assert.Equal(new UnknownField("junk", 1), Assert.Single(batch.Report.UnknownFields));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Nested_paths_reach_values_deep_in_the_record_and_records_deep_in_the_page()
    {
        byte[] page = Pages.Utf8("""
            {"response":{"meta":{"items":[{"id":"decoy"}]},"page":{"number":1,"items":[
              {"id":"A","a":{"b":{"c":{"d":{"value":"deep"}},"sibling":3,"other":true}}},
              {"id":"B","a":{"b":{"c":{"d":{}}}}},
              {"id":"C","a":{"b":{"c":null}}},
              {"id":"D","a":{"b":"flat"}}
            ]}}}
            """);
        using ExtractedBatch batch = Pages.Extract<NestedRecord>(page);

        Assert.Equal(["A", "B", "C", "D"], batch.Strings("id"));
        Assert.Equal(["deep", null, null, null], batch.Strings("deep"));
        Assert.Equal([3, null, null, null], batch.Int32s("sibling"));
        Assert.Contains(new UnknownField("a.b.other", 1), batch.Report.UnknownFields);
        Assert.Equal(new FailureSample(3, "flat", "page 1"), Assert.Single(batch.Report.Failures("deep").Samples));
        Assert.Equal(new FailureSample(3, "flat", "page 1"), Assert.Single(batch.Report.Failures("sibling").Samples));
    }

    [Fact]
    public void A_repeated_field_keeps_the_first_value()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"name":"first","count":1,"name":"second","count":2,"tags":["a"],"tags":["b","c"]}""",
            """{"name":null,"name":"later"}""");

        Assert.Equal(["first", null], batch.Strings("name"));
        Assert.Equal([1, null], batch.Int32s("count"));
        Assert.Equal(["a"], batch.Lists<Apache.Arrow.StringArray, string>("tags", (a, i) => a.GetString(i))[0]);
    }

    [Fact]
    public void A_repeated_nested_object_keeps_the_first_values()
    {
        using ExtractedBatch batch = Pages.Extract<SampleVehicle>(VehiclePage(
            """{"price":{"msrp":"1"},"price":{"msrp":"2","netPrice":"3"}}"""));

        Assert.Equal([1m], batch.Decimals("msrp"));
        Assert.Equal([3.0], batch.Doubles("net_price"));
    }

    [Fact]
    public void Non_object_elements_of_the_records_array_are_skipped_and_counted()
    {
        using ExtractedBatch batch = Pages.Extract<TypedRecord>(Pages.Utf8("""{"items":[{"name":"a"},null,42,"text",[{"name":"x"}],{"name":"b"},true]}"""));

        Assert.Equal(["a", "b"], batch.Strings("name"));
        Assert.Equal(5, batch.Report.SkippedRecords);
        Assert.False(batch.Report.IsClean);
    }

    [Fact]
    public void A_page_without_the_records_path_is_reported_by_label()
    {
        EntityExtractor extractor = SampleVehicle.CreateExtractor();
        extractor.AppendPage(Pages.Utf8("""{"result":{"error":"rate limited"}}"""), "IUJ202510 page 7");
        extractor.AppendPage(Pages.Utf8("""{"result":{"data":{"vehicles":null}}}"""), "IUJ202510 page 8");
        extractor.AppendPage(Pages.Utf8("""{"result":{"data":{"vehicles":[]}}}"""), "IUJ202510 page 9");
        extractor.AppendPage(Pages.Utf8("""[]"""));
        extractor.AppendPage(VehiclePage("""{"vin":"ok"}"""), "IUJ202510 page 11");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["ok"], batch.Strings("vin"));
        Assert.Equal(["IUJ202510 page 7", "IUJ202510 page 8", "page 4"], batch.Report.PagesWithoutRecords);
        Assert.Equal(5, batch.Report.Pages);
        Assert.Empty(batch.Report.InvalidPages);
    }

    [Fact]
    public void Records_at_the_root_of_the_page_are_read_with_the_dollar_path()
    {
        using ExtractedBatch batch = Pages.Extract<RootArrayRecord>(Pages.Utf8("""[{"id":"a"},{"id":"b"}]"""), Pages.Utf8("""{"id":"c"}"""));

        Assert.Equal(["a", "b"], batch.Strings("id"));
        Assert.Equal(["page 2"], batch.Report.PagesWithoutRecords);
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_page_is_ignored()
    {
        byte[] page = [0xEF, 0xBB, 0xBF, .. Pages.Items("""{"name":"bom"}""")];
        using ExtractedBatch batch = Pages.Extract<TypedRecord>(page);

        Assert.Equal(["bom"], batch.Strings("name"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Whitespace_and_fields_in_any_order_do_not_matter()
    {
        byte[] page = Encoding.UTF8.GetBytes("\r\n {\n\t\"other\" : [ ] ,\n\t\"items\" : [ { \"count\" : 1 , \"name\" : \"x\" } ]\n}\n ");
        using ExtractedBatch batch = Pages.Extract<TypedRecord>(page);

        Assert.Equal(["x"], batch.Strings("name"));
        Assert.Equal([1], batch.Int32s("count"));
    }

    [Fact]
    public void A_realistic_vehicle_reads_into_every_column()
    {
        using ExtractedBatch batch = Pages.Extract<SampleVehicle>(VehiclePage("""
            {"vin":"1C4HJXEG5PW123456","modelYear":"2025","llp":"2BX","vehicleDesc":"  wrangler sahara 4xe ",
             "price":{"msrp":"$48,995.00","netPrice":"45,120.50"},"horsepower":"375 hp","mileage":12,
             "inTransit":"Y","arrivalDate":"10/03/2025","updatedAt":"2025-10-01T08:00:00-04:00",
             "options":["Sky One-Touch","LED Lighting"],"payments":["$599.00",612.5],
             "attributes":{"attributes":[{"typeDesc":"Color","value":"Granite"},{"typeDesc":"Drive","value":"4WD"}]},
             "specs":{"attributes":[{"name":"Seats","value":"5"}]},
             "ccode":"CUJ202501JLJL74","dealerZipCode":"48326-1234","extImage":"client=FCAUS&vehicle=2025_JL"}
            """));

        Assert.True(batch.Report.IsClean, string.Join("; ", batch.Report.Failures));
        Assert.Equal(["1C4HJXEG5PW123456"], batch.Strings("vin"));
        Assert.Equal([2025], batch.Int32s("model_year"));
        Assert.Equal(["2BX"], batch.Strings("lower_level_package"));
        Assert.Equal(["WRANGLER SAHARA 4XE"], batch.Strings("vehicle_desc"));
        Assert.Equal([48995.00m], batch.Decimals("msrp"));
        Assert.Equal([45120.5], batch.Doubles("net_price"));
        Assert.Equal([375], batch.Int32s("horsepower"));
        Assert.Equal([12L], batch.Int64s("mileage"));
        Assert.Equal([true], batch.Booleans("in_transit"));
        Assert.Equal([new DateOnly(2025, 10, 3)], batch.Dates("arrival_date"));
        Assert.Equal([new DateTimeOffset(2025, 10, 1, 12, 0, 0, TimeSpan.Zero)], batch.Timestamps("updated_at"));
        Assert.Equal(["Sky One-Touch", "LED Lighting"], batch.Lists<Apache.Arrow.StringArray, string>("options", (a, i) => a.GetString(i))[0]);
        Assert.Equal([599.0, 612.5], batch.Lists<Apache.Arrow.DoubleArray, double?>("payments", (a, i) => a.GetValue(i))[0]);
        Assert.Equal(["4WD"], batch.Strings("drive"));
        Assert.Equal([5], batch.Int32s("seats"));
        Assert.Equal(["N/A"], batch.Strings("status"));
        Assert.Equal([0], batch.Int32s("doors"));
        Assert.Equal(["CUJ202501"], batch.Strings("model_year_code"));
        Assert.Equal(["48326"], batch.Strings("dealer_zip5"));
        Assert.Equal(["https://www.jeep.com/mediaserver/iris?client=FCAUS&vehicle=2025_JL&pov=fronthero"], batch.Strings("exterior_image_url"));
    }
}
