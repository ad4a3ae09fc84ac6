using System.Text;
using Ingest.Sources;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>Reading totals, record counts and error envelopes off a page, without HTTP.</summary>
public sealed class PageEnvelopeTests
{
    private static PageSummary Stellantis(string json) => PageNumberPagination.StellantisInventory.Inspect(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("totalcount")]
    [InlineData("totalCount")]
    public void The_total_is_read_in_either_spelling_and_records_are_counted(string spelling)
    {
        var summary = Stellantis("""{"result":{"result":"SUCCESS","errors":[],"data":{"metadata":{"TOTAL":1234,"exactMatchCount":1234},"vehicles":[{"vin":"A","x":{"y":[1,2]}},{"vin":"B"}]}}}""".Replace("TOTAL", spelling, StringComparison.Ordinal));

        Assert.Equal(new PageSummary(true, null, false, null, 1234, 2), summary);
    }

    [Fact]
    public void A_total_written_as_a_string_is_read()
    {
        Assert.Equal(77, Stellantis("""{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":"77"},"vehicles":[]}}}""").TotalCount);
    }

    [Fact]
    public void The_error_envelope_carries_every_error_description()
    {
        var summary = Stellantis("""{"result":{"result":"FAILURE","errors":[{"errorDesc":"Invalid zip"},{"errorDesc":"Try again"}],"data":null}}""");

        Assert.True(summary.IsErrorEnvelope);
        Assert.Equal("Invalid zip; Try again", summary.ErrorText);
    }

    [Fact]
    public void A_mercedes_failure_is_read_from_its_success_flag()
    {
        var summary = PageIndexPagination.MercedesInventory.Inspect(
            """{"result":null,"status":{"code":400,"message":"Invalid zip code"},"success":false}"""u8);

        Assert.True(summary.IsErrorEnvelope);
        Assert.Equal("Invalid zip code", summary.ErrorText);
        Assert.Equal("start=2&count=12", PageIndexPagination.MercedesInventory.PageQuery(3, 12));
    }

    [Theory]
    [InlineData("""{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":3},"vehicles":[{"vin":"A"},""")]
    [InlineData("""{"result":{"result":"SUCCESS" "data":{}}}""")]
    [InlineData("""{"result":{}} trailing""")]
    [InlineData("")]
    public void A_body_that_is_not_json_is_reported_not_thrown(string body)
    {
        var summary = Stellantis(body);

        Assert.False(summary.IsValidJson);
        Assert.NotNull(summary.JsonError);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":0},"vehicles":[]}}}""")).ToArray();

        Assert.Equal(new PageSummary(true, null, false, null, 0, 0), PageNumberPagination.StellantisInventory.Inspect(body));
    }

    [Fact]
    public void The_continuity_checker_takes_keys_from_any_reader()
    {
        var checker = new PageContinuityChecker();
        checker.Observe(1, 5, ["a", "b"]);
        checker.Observe(2, 5, ["b", "c"]);

        var report = checker.Report();

        Assert.Equal(new DuplicateKey("b", 1, 2), Assert.Single(report.Duplicates));
        Assert.Equal(3, report.UniqueKeys);
        Assert.Equal(2, report.Shortfall);
        Assert.Equal(4, report.Rows);
    }
}
