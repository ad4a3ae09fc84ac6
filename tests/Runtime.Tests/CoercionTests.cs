using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>The built-in coercers as a declaration uses them, read back from the extracted columns.</summary>
public sealed class CoercionTests
{
    [Fact]
    public void FormattedNumber_reads_prices_with_separators_currency_and_units()
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(
            """{"horsepower":"285","miles":"12,345","mpg":"20 MPG","msrp":"48,995.00"}""",
            """{"horsepower":"1,285 hp","miles":"$1,234,567","mpg":"22.5 mpg","msrp":"$12,345.00"}""",
            """{"horsepower":285,"miles":" 42 ","mpg":31,"msrp":"-$1,000.50"}""",
            """{"horsepower":"285.00","miles":"9,223,372,036,854,775,807","mpg":"€3.5","msrp":"£7"}""");

        Assert.Equal([285, 1285, 285, 285], batch.Int32s("horsepower"));
        Assert.Equal([12345L, 1234567L, 42L, long.MaxValue], batch.Int64s("miles"));
        Assert.Equal([20.0, 22.5, 31.0, 3.5], batch.Doubles("mpg"));
        Assert.Equal([48995.00m, 12345.00m, -1000.50m, 7m], batch.Decimals("msrp"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void FormattedNumber_failures_are_null_and_reported_with_row_text_and_page()
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(
            """{"horsepower":"285.5","msrp":"call for price"}""",
            """{"horsepower":"n/a","msrp":"48,995.00"}""",
            """{"horsepower":"","msrp":"  "}""");

        Assert.Equal([null, null, null], batch.Int32s("horsepower"));
        Assert.Equal([null, 48995.00m, null], batch.Decimals("msrp"));
        ColumnFailures horsepower = batch.Report.Failures("horsepower");
        Assert.Equal(2, horsepower.Count);
        Assert.Equal([new FailureSample(0, "285.5", "page 1"), new FailureSample(1, "n/a", "page 1")], horsepower.Samples);
        Assert.Equal(new FailureSample(0, "call for price", "page 1"), Assert.Single(batch.Report.Failures("msrp").Samples));
        Assert.Equal(3, batch.Report.FailureCount);
    }

    [Fact]
    public void Failure_samples_stop_at_five_but_the_count_goes_on()
    {
        string[] records = [.. Enumerable.Range(0, 12).Select(i => $$"""{"horsepower":"bad {{i}}"}""")];
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(records);

        ColumnFailures failures = batch.Report.Failures("horsepower");
        Assert.Equal(12, failures.Count);
        Assert.Equal([0, 1, 2, 3, 4], failures.Samples.Select(s => s.Row));
        Assert.Equal("bad 4", failures.Samples[4].RawText);
    }

    [Fact]
    public void Failure_samples_name_the_page_and_the_row_in_the_batch()
    {
        EntityExtractor extractor = FormattedRecord.CreateExtractor();
        extractor.AppendPage(Pages.Items("""{"horsepower":1}""", """{"horsepower":2}"""), "IUJ202510 page 1");
        extractor.AppendPage(Pages.Items("""{"horsepower":3}""", """{"horsepower":"x"}"""), "IUJ202510 page 2");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(new FailureSample(3, "x", "IUJ202510 page 2"), Assert.Single(batch.Report.Failures("horsepower").Samples));
    }

    [Theory]
    [InlineData("\"Y\"", true)]
    [InlineData("\"N\"", false)]
    [InlineData("\"y\"", true)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"No\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\" Y \"", true)]
    public void Flag_reads_the_spellings_upstreams_use(string json, bool expected)
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>($$"""{"certified":{{json}}}""");

        Assert.Equal([expected], batch.Booleans("certified"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Flag_leaves_empty_text_null_and_fails_other_words_and_numbers()
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(
            """{"certified":""}""", """{"certified":"maybe"}""", """{"certified":2}""", """{"certified":null}""");

        Assert.Equal([null, null, null, null], batch.Booleans("certified"));
        Assert.Equal(["maybe", "2"], batch.Report.Failures("certified").Samples.Select(s => s.RawText));
    }

    [Fact]
    public void Plain_bool_takes_only_true_and_false()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"active":false}""", """{"active":"True"}""", """{"active":"Y"}""", """{"active":1}""");

        Assert.Equal([false, true, null, null], batch.Booleans("active"));
        Assert.Equal(["Y", "1"], batch.Report.Failures("active").Samples.Select(s => s.RawText));
    }

    [Fact]
    public void FlexibleDate_reads_iso_and_us_dates()
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(
            """{"arrival":"2025-10-03","seen":"2025-10-03T14:05:00Z"}""",
            """{"arrival":"10/03/2025","seen":"10/03/2025 14:05"}""",
            """{"arrival":"3/7/2025","seen":"3/7/2025"}""",
            """{"arrival":"2025-10-03T23:59:59-05:00","seen":"2025-10-03T14:05:00-05:00"}""");

        Assert.Equal([new DateOnly(2025, 10, 3), new DateOnly(2025, 10, 3), new DateOnly(2025, 3, 7), new DateOnly(2025, 10, 3)], batch.Dates("arrival"));
        Assert.Equal(
            [
                new DateTimeOffset(2025, 10, 3, 14, 5, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 10, 3, 14, 5, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 3, 7, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2025, 10, 3, 19, 5, 0, TimeSpan.Zero),
            ],
            batch.Timestamps("seen"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Dates_that_do_not_exist_or_do_not_parse_fail()
    {
        using ExtractedBatch batch = Pages.ExtractItems<FormattedRecord>(
            """{"arrival":"2025-02-30","seen":"2025-10-03T25:00:00Z"}""",
            """{"arrival":"13/01/2025","seen":"yesterday"}""",
            """{"arrival":20251003,"seen":""}""");

        Assert.Equal([null, null, null], batch.Dates("arrival"));
        Assert.Equal([null, null, null], batch.Timestamps("seen"));
        Assert.Equal(["2025-02-30", "13/01/2025", "20251003"], batch.Report.Failures("arrival").Samples.Select(s => s.RawText));
        Assert.Equal(["2025-10-03T25:00:00Z", "yesterday"], batch.Report.Failures("seen").Samples.Select(s => s.RawText));
    }

    [Fact]
    public void Plain_dates_take_iso_only()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>("""{"day":"10/03/2025","at":"10/03/2025 14:05"}""", """{"day":"2025-10-03","at":"2025-10-03"}""");

        Assert.Equal([null, new DateOnly(2025, 10, 3)], batch.Dates("day"));
        Assert.Equal([null, new DateTimeOffset(2025, 10, 3, 0, 0, 0, TimeSpan.Zero)], batch.Timestamps("at"));
        Assert.Equal(1, batch.Report.Failures("day").Count);
        Assert.Equal(1, batch.Report.Failures("at").Count);
    }

    [Fact]
    public void Single_string_coercers_trim_change_case_and_null_empty_text()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TextRecord>(
            """{"trimmed":"  Sahara\t\n","upper":"élan vital","lower":"ÉLAN Vital","blank":""}""",
            """{"trimmed":"\u00a0Rubicon\u00a0","upper":"straße","lower":"ISTANBUL","blank":"   "}""",
            """{"trimmed":"","upper":"","lower":"","blank":" x "}""");

        Assert.Equal(["Sahara", "Rubicon", ""], batch.Strings("trimmed"));
        Assert.Equal(["ÉLAN VITAL", "STRAßE", ""], batch.Strings("upper"));
        Assert.Equal(["élan vital", "istanbul", ""], batch.Strings("lower"));
        Assert.Equal([null, null, " x "], batch.Strings("blank"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void String_coercer_chains_apply_in_declaration_order()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TextRecord>(
            """{"code":"  2bx22 ","email":"  Someone@Example.COM  "}""",
            """{"code":"   ","email":"\tA@B.C"}""",
            """{"code":"\u00a0","email":""}""");

        Assert.Equal(["2BX22", null, null], batch.Strings("code"));
        Assert.Equal(["someone@example.com", "a@b.c", ""], batch.Strings("email"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Defaults_fill_missing_and_null_fields_of_every_type()
    {
        using ExtractedBatch batch = Pages.ExtractItems<DefaultedRecord>(
            """{"id":"missing"}""",
            """{"id":"null","status":null,"doors":null,"warranty":null,"factor":null,"fee":null,"available":null,"since":null,"checked":null}""",
            """{"id":"given","status":"Sold","doors":2,"warranty":36000,"factor":0.5,"fee":"1.25","available":"N","since":"2024-06-01","checked":"2024-06-01T00:00:00Z"}""");

        Assert.Equal(["N/A", "N/A", "Sold"], batch.Strings("status"));
        Assert.Equal([4, 4, 2], batch.Int32s("doors"));
        Assert.Equal([100000L, 100000L, 36000L], batch.Int64s("warranty"));
        Assert.Equal([1.5, 1.5, 0.5], batch.Doubles("factor"));
        Assert.Equal([9.99m, 9.99m, 1.25m], batch.Decimals("fee"));
        Assert.Equal([true, true, false], batch.Booleans("available"));
        Assert.Equal([new DateOnly(2025, 1, 31), new DateOnly(2025, 1, 31), new DateOnly(2024, 6, 1)], batch.Dates("since"));
        var noon = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal([noon, noon, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)], batch.Timestamps("checked"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_default_never_hides_a_value_that_failed_coercion()
    {
        using ExtractedBatch batch = Pages.ExtractItems<DefaultedRecord>("""{"doors":"two","available":"perhaps","since":"someday","status":{"a":1}}""");

        Assert.Equal([null], batch.Int32s("doors"));
        Assert.Equal([null], batch.Booleans("available"));
        Assert.Equal([null], batch.Dates("since"));
        Assert.Equal([null], batch.Strings("status"));
        Assert.Equal(["available", "doors", "since", "status"], batch.Report.Failures.Select(f => f.Column).Order());
        Assert.Equal(4, batch.Report.FailureCount);
    }

    [Fact]
    public void Decimals_are_rounded_to_the_declared_scale_and_overflowing_ones_fail()
    {
        using ExtractedBatch batch = Pages.ExtractItems<PricedRecord>(
            """{"small":"$999.99","wide":"12345678901234567890.1234567891"}""",
            """{"small":"1.005","wide":0.00000000005}""",
            """{"small":"1,000.00","wide":"1e28"}""",
            """{"small":"999.995","wide":-0.00000000015}""");

        Assert.Equal([999.99m, 1.00m, null, null], batch.Decimals("small"));
        Assert.Equal([12345678901234567890.1234567891m, 0m, null, -0.0000000002m], batch.Decimals("wide"));
        Assert.Equal(["1,000.00", "999.995"], batch.Report.Failures("small").Samples.Select(s => s.RawText));
        Assert.Equal(["1e28"], batch.Report.Failures("wide").Samples.Select(s => s.RawText));
    }

    [Fact]
    public void Invalid_utf8_through_a_string_chain_is_null_and_counted()
    {
        byte[] page = [.. Pages.Utf8("""{"items":[{"code":" ab"""), 0xE2, 0x82, .. Pages.Utf8("\"},{\"code\":\" ok \"}]}")];
        using ExtractedBatch batch = Pages.Extract<TextRecord>(page);

        Assert.Equal([null, "OK"], batch.Strings("code"));
        FailureSample sample = Assert.Single(batch.Report.Failures("code").Samples);
        Assert.Equal(0, sample.Row);
        Assert.StartsWith("invalid UTF-8", sample.RawText);
    }
}
