using System.Globalization;
using Apache.Arrow;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Batches close at page boundaries, and pooled buffers never leak one batch's values into another.</summary>
public sealed class BatchingTests
{
    /// <summary>A record whose every value derives from <paramref name="id"/>, some null, so any mix-up shows.</summary>
    private static string Record(int id) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"name":"{{(id % 7 == 0 ? "" : "name-" + id + new string('x', id % 13))}}","count":{{(id % 5 == 0 ? "null" : id)}},
         "total":{{id * 1_000_000_007L}},"ratio":{{id / 8.0}},"price":"{{id}}.{{id % 100:00}}","active":{{(id % 2 == 0 ? "true" : "false")}},
         "day":"{{new DateOnly(2000, 1, 1).AddDays(id):yyyy-MM-dd}}","at":"{{DateTimeOffset.UnixEpoch.AddSeconds(id):yyyy-MM-ddTHH:mm:ssZ}}",
         "tags":{{(id % 3 == 0 ? "null" : $"[\"t{id}\",\"u{id}\"]")}},"scores":[{{string.Join(",", Enumerable.Range(0, id % 4))}}]}
        """);

    private static byte[] Page(int firstId, int rows) => Pages.Items([.. Enumerable.Range(firstId, rows).Select(Record)]);

    private static void AssertRows(ExtractedBatch batch, int firstId)
    {
        StringArray name = batch.Column<StringArray>("name");
        Int32Array count = batch.Column<Int32Array>("count");
        Int64Array total = batch.Column<Int64Array>("total");
        DoubleArray ratio = batch.Column<DoubleArray>("ratio");
        Decimal128Array price = batch.Column<Decimal128Array>("price");
        BooleanArray active = batch.Column<BooleanArray>("active");
        Date32Array day = batch.Column<Date32Array>("day");
        TimestampArray at = batch.Column<TimestampArray>("at");
        ListArray tags = batch.Column<ListArray>("tags");
        ListArray scores = batch.Column<ListArray>("scores");
        for (int row = 0; row < batch.Length; row++)
        {
            int id = firstId + row;
            Assert.Equal(id % 7 == 0 ? "" : "name-" + id + new string('x', id % 13), name.GetString(row));
            Assert.Equal(id % 5 == 0 ? null : id, count.GetValue(row));
            Assert.Equal(id * 1_000_000_007L, total.GetValue(row));
            Assert.Equal(id / 8.0, ratio.GetValue(row));
            Assert.Equal(id + (id % 100) / 100m, price.GetValue(row));
            Assert.Equal(id % 2 == 0, active.GetValue(row));
            Assert.Equal(new DateOnly(2000, 1, 1).AddDays(id), day.GetDateOnly(row));
            Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(id), at.GetTimestamp(row));
            if (id % 3 == 0) Assert.True(tags.IsNull(row));
            else
            {
                var items = (StringArray)tags.GetSlicedValues(row);
                Assert.Equal([$"t{id}", $"u{id}"], new[] { items.GetString(0), items.GetString(1) });
            }
            var values = (Int32Array)scores.GetSlicedValues(row);
            Assert.Equal(Enumerable.Range(0, id % 4).Select(v => (int?)v), values.ToArray());
        }
    }

    [Fact]
    public void A_batch_closes_at_the_first_page_boundary_after_the_batch_size()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor(batchSize: 10);
        var lengths = new List<int>();
        int id = 0;
        for (int page = 0; page < 9; page++)
        {
            extractor.AppendPage(Page(id, 3), $"page {page + 1}");
            id += 3;
            if (extractor.HasFullBatch)
            {
                using ExtractedBatch batch = extractor.TakeBatch();
                lengths.Add(batch.Length);
                AssertRows(batch, id - batch.Length);
                Assert.Equal(4, batch.Report.Pages);
            }
        }
        Assert.Equal([12, 12], lengths);
        Assert.Equal(3, extractor.PendingRows);
        using ExtractedBatch rest = extractor.TakeBatch();
        Assert.Equal(3, rest.Length);
        AssertRows(rest, 24);
        Assert.Equal(0, extractor.PendingRows);
    }

    [Fact]
    public void A_page_bigger_than_the_batch_stays_whole_in_one_batch()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor(batchSize: 4);
        Assert.Equal(500, extractor.AppendPage(Page(0, 500), "big"));
        Assert.True(extractor.HasFullBatch);
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(500, batch.Length);
        AssertRows(batch, 0);
    }

    [Fact]
    public void Values_stay_correct_across_many_batches_as_earlier_ones_are_disposed()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor(batchSize: 64);
        int id = 0;
        var alive = new Queue<(ExtractedBatch Batch, int FirstId)>();
        for (int round = 0; round < 60; round++)
        {
            int firstId = id;
            int rows = 40 + round % 50; // uneven, so buffers grow and shrink across batches
            extractor.AppendPage(Page(id, rows / 2), "a");
            extractor.AppendPage(Page(id + rows / 2, rows - rows / 2), "b");
            id += rows;
            ExtractedBatch batch = extractor.TakeBatch();
            Assert.Equal(rows, batch.Length);
            AssertRows(batch, firstId);
            alive.Enqueue((batch, firstId));

            if (alive.Count > 3)
            {
                // The oldest batch, built three batches ago, must still read its own values before it goes.
                (ExtractedBatch old, int oldFirst) = alive.Dequeue();
                AssertRows(old, oldFirst);
                old.Dispose();
            }
        }
        while (alive.TryDequeue(out var last))
        {
            AssertRows(last.Batch, last.FirstId);
            last.Batch.Dispose();
        }
    }

    [Fact]
    public void An_empty_batch_has_the_schema_and_no_rows()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal(0, batch.Length);
        Assert.Same(TypedRecord.ArrowSchema, batch.Batch.Schema);
        Assert.Equal(TypedRecord.ArrowSchema.FieldsList.Count, batch.Batch.ColumnCount);
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Each_batch_reports_only_what_happened_since_the_previous_one()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(Pages.Items("""{"count":"x","odd":1}""", "7"), "page 1");
        extractor.AppendPage(Pages.Utf8("{"), "page 2");
        extractor.AppendPage(Pages.Utf8("{}"), "page 3");
        using (ExtractedBatch first = extractor.TakeBatch())
        {
            Assert.Equal(1, first.Report.FailureCount);
            Assert.Single(first.Report.UnknownFields);
            Assert.Single(first.Report.InvalidPages);
            Assert.Single(first.Report.PagesWithoutRecords);
            Assert.Equal(1, first.Report.SkippedRecords);
            Assert.Equal(3, first.Report.Pages);
        }

        extractor.AppendPage(Pages.Items("""{"count":1}"""), "page 4");
        using ExtractedBatch second = extractor.TakeBatch();
        Assert.True(second.Report.IsClean);
        Assert.Empty(second.Report.UnknownFields);
        Assert.Equal(1, second.Report.Pages);
        Assert.Equal(1, second.Report.Rows);
    }

    [Fact]
    public void Disposing_a_batch_twice_is_harmless()
    {
        EntityExtractor extractor = TypedRecord.CreateExtractor();
        extractor.AppendPage(Page(1, 3));
        ExtractedBatch batch = extractor.TakeBatch();
        batch.Dispose();
        batch.Dispose();

        extractor.AppendPage(Page(10, 3));
        using ExtractedBatch next = extractor.TakeBatch();
        AssertRows(next, 10);
    }
}
