using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Pages that are not valid JSON are rolled back whole and quarantined; bad values fail alone.</summary>
public sealed class InvalidPageTests
{
    private static readonly byte[] Good1 = Pages.Items("""{"name":"a1","count":1}""", """{"name":"a2","count":2}""");
    private static readonly byte[] Good3 = Pages.Items("""{"name":"c1","count":5,"tags":["t"]}""");

    [Fact]
    public void A_page_cut_inside_its_first_records_list_leaves_no_items_behind()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        Assert.Equal(0, extractor.AppendPage(Pages.Utf8("""{"items":[{"name":"cut","tags":["stray","items"""), "page 1"));
        Assert.Equal(1, extractor.AppendPage(Good3, "page 2"));
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal([["t"]], batch.Lists<Apache.Arrow.StringArray, string>("tags", (a, i) => a.GetString(i)));
    }

    [Fact]
    public void A_truncated_page_adds_no_rows_and_is_quarantined_with_its_bytes()
    {
        byte[] full = Pages.Items("""{"name":"b1","count":3,"tags":["x","y"]}""", """{"name":"b2","count":4,"tags":["z"]}""");
        byte[] truncated = full[..(full.Length - 20)];

        EntityExtractor extractor = TypedRecord.CreateExtractor();
        Assert.Equal(2, extractor.AppendPage(Good1, "page 1"));
        Assert.Equal(0, extractor.AppendPage(truncated, "page 2"));
        Assert.Equal(1, extractor.AppendPage(Good3, "page 3"));
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["a1", "a2", "c1"], batch.Strings("name"));
        Assert.Equal([1, 2, 5], batch.Int32s("count"));
        Assert.Equal([null, null, ["t"]], batch.Lists<Apache.Arrow.StringArray, string>("tags", (a, i) => a.GetString(i)));
        InvalidPage invalid = Assert.Single(batch.Report.InvalidPages);
        Assert.Equal("page 2", invalid.Page);
        Assert.Equal(truncated, invalid.Bytes.ToArray());
        Assert.False(string.IsNullOrWhiteSpace(invalid.Reason));
        Assert.False(batch.Report.IsClean);
        Assert.Equal(3, batch.Report.Pages);
    }

    [Theory]
    [InlineData("""{"items":[{"name":"b1"},{"name":"b2",}]}""")]
    [InlineData("""{"items":[{"name":"b1"},{"name":'b2'}]}""")]
    [InlineData("""{"items":[{"name":"b1"}{"name":"b2"}]}""")]
    [InlineData("""{"items":[{"name":"b1"},{"name":"b2"}]}}""")]
    [InlineData("""{"items":[{"name":"b1"},{"name":"b2"}]} trailing""")]
    [InlineData("""{"items":[{"name":"b1","count":01}]}""")]
    [InlineData("""{"items":[{"name":"b1\u00zz"}]}""")]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void A_malformed_page_is_rolled_back_and_the_pages_around_it_are_unaffected(string malformed)
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(Good1, "page 1");
        extractor.AppendPage(Pages.Utf8(malformed), "page 2");
        extractor.AppendPage(Good3, "page 3");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(3, batch.Length);
        Assert.Equal(["a1", "a2", "c1"], batch.Strings("name"));
        Assert.Equal([1, 2, 5], batch.Int32s("count"));
        InvalidPage invalid = Assert.Single(batch.Report.InvalidPages);
        Assert.Equal("page 2", invalid.Page);
        Assert.Equal(Pages.Utf8(malformed), invalid.Bytes.ToArray());
    }

    [Fact]
    public void A_page_nested_deeper_than_the_reader_allows_is_quarantined_not_thrown()
    {
        string tooDeep = string.Concat(Enumerable.Repeat("[", 300)) + string.Concat(Enumerable.Repeat("]", 300));
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(Pages.Items($$"""{"name":"x","junk":{{tooDeep}}}"""), "deep");
        extractor.AppendPage(Good3, "page 3");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["c1"], batch.Strings("name"));
        Assert.Equal("deep", Assert.Single(batch.Report.InvalidPages).Page);
    }

    [Fact]
    public void Rolling_back_a_page_with_a_half_read_record_leaves_later_rows_aligned()
    {
        // The page breaks inside the second record, after some of its columns were written.
        byte[] broken = Pages.Utf8("""{"items":[{"name":"b1","count":3,"scores":[1,2]},{"name":"b2","count":4,"scores":[3""");
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(Good1, "page 1");
        extractor.AppendPage(broken, "page 2");
        extractor.AppendPage(Pages.Items("""{"count":6,"scores":[9]}""", """{"name":"c2"}"""), "page 3");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["a1", "a2", null, "c2"], batch.Strings("name"));
        Assert.Equal([1, 2, 6, null], batch.Int32s("count"));
        Assert.Equal([null, null, [9], null], batch.Lists<Apache.Arrow.Int32Array, int?>("scores", (a, i) => a.GetValue(i)));
    }

    [Fact]
    public void A_quarantined_page_keeps_its_bytes_as_received_including_a_byte_order_mark()
    {
        byte[] page = [0xEF, 0xBB, 0xBF, .. Pages.Utf8("""{"items":[{"name":"b1"}""")];
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(page, "page 1");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(page, Assert.Single(batch.Report.InvalidPages).Bytes.ToArray());
    }

    [Fact]
    public void Failures_and_unknown_fields_of_a_rolled_back_page_are_not_reported()
    {
        byte[] broken = Pages.Utf8("""{"items":[{"name":"b1","count":"three","surprise":1},{"name":"b2",""");
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(broken, "page 1");
        extractor.AppendPage(Pages.Items("""{"name":"c1","count":"x"}"""), "page 2");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["c1"], batch.Strings("name"));
        Assert.Equal(new FailureSample(0, "x", "page 2"), Assert.Single(batch.Report.Failures("count").Samples));
        Assert.Equal(1, batch.Report.Failures("count").Count);
        Assert.Empty(batch.Report.UnknownFields);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_value_is_null_and_counted_with_a_sample()
    {
        byte[] page = [.. Pages.Utf8("""{"items":[{"name":"ok"},{"name":"bad"""), 0xC3, 0x28, .. Pages.Utf8("\",\"count\":2}]}")];
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(page, "page 1");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(["ok", null], batch.Strings("name"));
        Assert.Equal([null, 2], batch.Int32s("count"));
        ColumnFailures failures = batch.Report.Failures("name");
        Assert.Equal(1, failures.Count);
        FailureSample sample = Assert.Single(failures.Samples);
        Assert.Equal((1, "page 1"), (sample.Row, sample.Page));
        Assert.StartsWith("invalid UTF-8: ", sample.RawText);
        Assert.Contains("C328", sample.RawText);
    }

    [Fact]
    public void Invalid_utf8_in_a_list_item_nulls_the_list_and_is_counted()
    {
        byte[] page = [.. Pages.Utf8("""{"items":[{"tags":["fine","x"""), 0xFF, .. Pages.Utf8("\"]},{\"tags\":[\"next\"]}]}")];
        using ExtractedBatch batch = Pages.Extract<TypedRecord>(page);

        Assert.Equal([null, ["next"]], batch.Lists<Apache.Arrow.StringArray, string>("tags", (a, i) => a.GetString(i)));
        Assert.Equal(1, batch.Report.Failures("tags").Count);
    }

    [Fact]
    public void A_lone_surrogate_escape_fails_its_value_not_the_page()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>("""{"name":"half \ud83d pair","count":1}""", """{"name":"fine","count":2}""");

        Assert.Equal(2, batch.Length);
        Assert.Empty(batch.Report.InvalidPages);
        Assert.Equal([1, 2], batch.Int32s("count"));
        Assert.Equal("fine", batch.Strings("name")[1]);
    }
}
