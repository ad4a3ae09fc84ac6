using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Values selected out of name/value lists: <c>specs[name=Seats].value</c>.</summary>
public sealed class SelectionTests
{
    private static ExtractedBatch Extract(params string[] records) =>
        Pages.Extract<NestedRecord>(Pages.Utf8("""{"response":{"page":{"items":[""" + string.Join(",", records) + "]}}}"));

    [Fact]
    public void Each_column_takes_the_value_of_the_element_its_key_names()
    {
        using ExtractedBatch batch = Extract(
            """{"specs":[{"name":"Color","value":"Red"},{"name":"Seats","value":5},{"name":"Engine","value":"3.6L V6"}]}""");

        Assert.Equal([5], batch.Int32s("seats"));
        Assert.Equal(["3.6L V6"], batch.Strings("engine"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void The_first_matching_element_wins()
    {
        using ExtractedBatch batch = Extract(
            """{"specs":[{"name":"Seats","value":"4"},{"name":"Seats","value":"7"},{"name":"Engine","value":"first"},{"name":"Engine","value":"second"}]}""");

        Assert.Equal([4], batch.Int32s("seats"));
        Assert.Equal(["first"], batch.Strings("engine"));
    }

    [Fact]
    public void Values_of_elements_no_column_selects_are_skipped_whatever_their_shape()
    {
        using ExtractedBatch batch = Extract(
            """{"specs":[{"name":"Color","value":{"rgb":[1,2,3],"name":"Seats"}},{"name":"Trim","value":[{"name":"Seats","value":9}]},""" +
            """{"name":"Seats","name":"Color","value":6},{"name":"Engine","value":"V8"}]}""");

        Assert.Equal([6], batch.Int32s("seats")); // a second key in one element does not undo the first one's choice
        Assert.Equal(["V8"], batch.Strings("engine"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_value_written_before_its_key_is_still_selected()
    {
        using ExtractedBatch batch = Extract(
            """{"specs":[{"value":"2.0L I4","name":"Engine"},{"value":5,"other":{"name":"Seats"},"name":"Seats"}]}""");

        Assert.Equal(["2.0L I4"], batch.Strings("engine"));
        Assert.Equal([5], batch.Int32s("seats"));
    }

    [Fact]
    public void A_missing_element_or_list_leaves_the_column_null()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"no match","specs":[{"name":"Color","value":"Red"}]}""",
            """{"id":"empty","specs":[]}""",
            """{"id":"null list","specs":null}""",
            """{"id":"no list"}""",
            """{"id":"key without value","specs":[{"name":"Seats"}]}""");

        Assert.Equal([null, null, null, null, null], batch.Int32s("seats"));
        Assert.Equal([null, null, null, null, null], batch.Strings("engine"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Selection_keys_match_numbers_and_escaped_text()
    {
        using ExtractedBatch batch = Extract(
            """{"codes":[{"code":4,"label":"four"},{"code":5,"label":"five"}],"specs":[{"name":"S\u0065ats","value":6}]}""",
            """{"codes":[{"code":"5","label":"five as text"}]}""");

        Assert.Equal(["five", "five as text"], batch.Strings("five_label"));
        Assert.Equal([6, null], batch.Int32s("seats"));
    }

    [Fact]
    public void Non_object_elements_and_unexpected_values_are_tolerated()
    {
        using ExtractedBatch batch = Extract(
            """{"specs":[null,1,"x",[{"name":"Seats","value":9}],{"name":"Seats","value":"lots"},{"name":"Engine","value":{"cc":3600}}]}""",
            """{"specs":"not a list"}""");

        Assert.Equal([null, null], batch.Int32s("seats"));
        Assert.Equal([null, null], batch.Strings("engine"));
        Assert.Equal([new FailureSample(0, "lots", "page 1"), new FailureSample(1, "not a list", "page 1")], batch.Report.Failures("seats").Samples);
        Assert.Equal(2, batch.Report.Failures("engine").Count);
    }

    [Fact]
    public void Selections_in_different_records_do_not_leak_into_each_other()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"1","specs":[{"name":"Seats","value":2}]}""",
            """{"id":"2","specs":[{"name":"Engine","value":"V8"}]}""",
            """{"id":"3"}""");

        Assert.Equal([2, null, null], batch.Int32s("seats"));
        Assert.Equal([null, "V8", null], batch.Strings("engine"));
    }
}
