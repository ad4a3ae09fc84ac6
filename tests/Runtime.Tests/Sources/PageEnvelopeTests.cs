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
    [InlineData("totalItems")]
    [InlineData("totalitems")]
    public void The_dealer_feeds_total_is_read_in_either_spelling_and_its_error_body_is_the_error_envelope(string spelling)
    {
        var feed = PageNumberPagination.StellantisDealerFeed;
        var page = feed.Inspect(Encoding.UTF8.GetBytes("""{"feed":{"generatedAt":"2026-11-27T23:00:00Z","page":1,"pageSize":250,"TOTAL":1234},"items":[{"vin":"A","pricing":{"msrp":1}},{"vin":"B"}]}""".Replace("TOTAL", spelling, StringComparison.Ordinal)));
        var error = feed.Inspect("""{"error":{"code":"INVALID_ZIP","message":"The zip code '00000' could not be located."}}"""u8);

        Assert.Equal(new PageSummary(true, null, false, null, 1234, 2), page);
        Assert.True(error.IsErrorEnvelope);
        Assert.Equal("The zip code '00000' could not be located.", error.ErrorText);
        Assert.Equal("page=3&pageSize=250", feed.PageQuery(3, 250));
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

/// <summary>
/// Record keys read in the envelope's walk (the paged source's one pass over each page) and checked for continuity:
/// the walk the checker itself uses for pages it reads alone.
/// </summary>
public sealed class KeysFromTheEnvelopeTests
{
    private static readonly string[] Pages =
    [
        // Keys as plain and escaped strings ("\u0041BC" is "ABC"), a number key (not a key), a record that is not an
        // object, nested values to skip, and a byte order mark.
        """{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":9},"vehicles":[{"vin":"ABC","x":{"vin":"NESTED"}},{"vin":"DEF","y":[1,{"vin":"Z"}]},{"vin":7},"text"]}}}""",
        "\uFEFF" + """{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":10},"vehicles":[{"z":1,"vin":"\u0041BC"},{"vin":"GHI"}]}}}""",
        """{"result":{"result":"SUCCESS","data":{"metadata":{"totalcount":10},"vehicles":[{"vin":"GHI"},{"vin":"DEF"},{}]}}}""",
    ];

    /// <summary>Each page's envelope read with its keys, as the paged source reads it, then handed to <paramref name="observe"/>.</summary>
    private static void ReadPages(Action<int, PageSummary, List<PageKey>, byte[]> observe)
    {
        for (var i = 0; i < Pages.Length; i++)
        {
            var body = Encoding.UTF8.GetBytes(Pages[i]);
            var keys = new List<PageKey>();
            var summary = PageEnvelope.StellantisInventory.Read(body, Encoding.UTF8.GetBytes("vin"), keys);
            observe(i + 1, summary, keys, body);
        }
    }

    [Fact]
    public void Keys_read_with_the_envelope_find_repeats_across_pages_with_their_text()
    {
        var checker = new PageContinuityChecker(RecordKeyPath.StellantisInventory);
        ReadPages((page, summary, keys, body) => checker.ObserveKeys(page, summary.TotalCount, summary.RecordCount ?? 0, keys, body));

        var report = checker.Report();

        // "ABC" is found again on page 2 escaped and after a byte order mark: its text comes back unescaped.
        Assert.Equal([new DuplicateKey("ABC", 1, 2), new DuplicateKey("GHI", 2, 3), new DuplicateKey("DEF", 1, 3)], report.Duplicates);
        Assert.Equal((3, 9, 3, 3), (report.Pages, report.Rows, report.UniqueKeys, report.DuplicateCount));
        Assert.Equal((9L, 10L, 10L), (report.FirstTotal, report.LastTotal, report.MaxTotal));
    }

    [Fact]
    public void A_page_the_checker_reads_alone_gives_the_same_report()
    {
        var fromEnvelope = new PageContinuityChecker(RecordKeyPath.StellantisInventory);
        var alone = new PageContinuityChecker(RecordKeyPath.StellantisInventory);
        ReadPages((page, summary, keys, body) =>
        {
            fromEnvelope.ObserveKeys(page, summary.TotalCount, summary.RecordCount ?? 0, keys, body);
            alone.ObservePage(page, summary.TotalCount, body);
        });

        ContinuityReport expected = fromEnvelope.Report(), actual = alone.Report();
        Assert.Equal(expected.Duplicates, actual.Duplicates);
        Assert.Equal((expected.Pages, expected.Rows, expected.UniqueKeys, expected.DuplicateCount), (actual.Pages, actual.Rows, actual.UniqueKeys, actual.DuplicateCount));
    }

    [Fact]
    public void A_page_that_is_not_JSON_is_unreadable_and_none_of_its_keys_count()
    {
        var checker = new PageContinuityChecker(RecordKeyPath.StellantisInventory);
        checker.ObservePage(1, 5, Encoding.UTF8.GetBytes("""{"result":{"data":{"vehicles":[{"vin":"A"},{"vin":"B"}"""));

        var report = checker.Report();

        Assert.Equal([1], report.UnreadablePages);
        Assert.Equal((1, 0, 0), (report.Pages, report.Rows, report.UniqueKeys));
    }

    [Fact]
    public void The_envelope_reads_keys_only_when_asked()
    {
        var keys = new List<PageKey>();
        PageEnvelope.StellantisInventory.Read(Encoding.UTF8.GetBytes(Pages[0]), keyField: null, keys);

        Assert.Empty(keys);
    }
}
