using Apache.Arrow;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Lists projected from lists of objects: <c>incentives[*].amount</c> takes a value from every element.</summary>
public sealed class ProjectionTests
{
    private static ExtractedBatch Extract(params string[] records) => Pages.ExtractItems<ProjectedRecord>(records);

    private static List<List<string?>?> Texts(ExtractedBatch batch, string column) => batch.Lists<StringArray, string?>(column, (a, i) => a.GetString(i));

    private static List<List<decimal?>?> Decimals(ExtractedBatch batch, string column) => batch.Lists<Decimal128Array, decimal?>(column, (a, i) => a.GetValue(i));

    [Fact]
    public void Every_element_gives_one_item_in_order_to_each_column()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"a","incentives":[{"programId":"P1","amount":"$1,000.00","name":"Bonus"},{"amount":500,"programId":"P2","name":"Loyalty"}]}""");

        Assert.Equal([["P1", "P2"]], Texts(batch, "incentive_ids"));
        Assert.Equal([[1000.00m, 500m]], Decimals(batch, "incentive_amounts"));
        Assert.Equal([["$1,000.00", "500"]], Texts(batch, "incentive_amount_texts"));
        Assert.Equal([500m], batch.Decimals("loyalty_amount"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_missing_or_null_field_is_a_null_item_and_a_missing_or_null_list_a_null_row()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"gaps","incentives":[{"programId":"P1"},{"programId":null,"amount":"250"},null]}""",
            """{"id":"empty","incentives":[]}""",
            """{"id":"null list","incentives":null}""",
            """{"id":"no list"}""");

        Assert.Equal([["P1", null, null], [], null, null], Texts(batch, "incentive_ids"));
        Assert.Equal([[null, 250m, null], [], null, null], Decimals(batch, "incentive_amounts"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_value_that_does_not_coerce_or_an_element_that_is_not_an_object_is_a_null_item_and_a_failure()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"bad","incentives":[{"programId":"P1","amount":"lots"},"P2",{"programId":{"nested":1}}]}""");

        Assert.Equal([[null, null, null]], Decimals(batch, "incentive_amounts"));
        Assert.Equal([["P1", null, null]], Texts(batch, "incentive_ids"));
        ColumnFailures amounts = batch.Report.Failures("incentive_amounts");
        Assert.Equal(2, amounts.Count); // "lots", and the string element
        Assert.Equal(2, batch.Report.Failures("incentive_ids").Count); // the string element, and the object value
    }

    [Fact]
    public void Nested_lists_project_numbers_and_a_repeated_list_keeps_the_first()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"n","dealer":{"addresses":[{"zip":"48326"},{"zip":10001}]},"incentives":[{"programId":"first"}],"incentives":[{"programId":"second"}]}""");

        Assert.Equal([[48326, 10001]], batch.Lists<Int32Array, int?>("dealer_zips", (a, i) => a.GetValue(i)));
        Assert.Equal([["first"]], Texts(batch, "incentive_ids"));
    }

    [Fact]
    public void Rows_line_up_across_batches()
    {
        string[] records = [.. Enumerable.Range(0, 600).Select(i => $$"""{"id":"r{{i}}","incentives":[{"programId":"p{{i}}","amount":{{i}}}]}""")];
        var extractor = ProjectedRecord.CreateExtractor(batchSize: 256);
        extractor.AppendPage(Pages.Items(records));
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(600, batch.Length);
        Assert.Equal([.. Enumerable.Range(0, 600).Select(i => new List<decimal?> { i })], Decimals(batch, "incentive_amounts"));
    }
}
