using Apache.Arrow;
using Ingest.Sources;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers.Tests;

/// <summary>
/// The transformed tier's reader of raw partitions: every page comes back in the partition's order, across row groups
/// and part files, with its sub-resource, page number, whether it failed, and its exact bytes, including a body
/// larger than a Parquet data page.
/// </summary>
public sealed class RawPageReaderTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task Pages_come_back_in_order_across_row_groups_and_files_with_their_bytes()
    {
        // Three rows a row group, and a file closed at every row-group end: 11 pages make 4 files.
        var store = new TableStore(_warehouse.Root, new TableStoreOptions { RowGroupRows = 3, FileBytes = 1 });
        Table raw = store.OpenTable(RawTier.DefaultNamespace, "hand_made");
        var expected = new List<(string SubResource, int Page, bool Failed, byte[] Body)>();
        await using (PartitionWriter writer = raw.CreatePartitionWriter(Day, RawTier.Schema))
        {
            foreach ((string subResource, int pages) in new[] { ("CJ", 7), ("CJ_ALT", 4) })
            {
                using var builder = new RawPageBatchBuilder(Day, "hand_made");
                for (int n = 1; n <= pages; n++)
                {
                    PageOutcome outcome = n == 3 ? PageOutcome.HttpError : n == 5 ? PageOutcome.NotJson : PageOutcome.Fetched;
                    byte[] body = outcome == PageOutcome.HttpError ? [] : Body(subResource, n, large: n == 2);
                    builder.Append(Page(subResource, n, outcome, body));
                    expected.Add((subResource, n, outcome == PageOutcome.HttpError, body));
                }
                using RecordBatch batch = builder.Build(subResource);
                await writer.WriteAsync(batch);
            }
            await writer.CommitAsync();
        }
        Assert.Equal(4, raw.PartitionFiles(Day).Count);

        var actual = new List<(string SubResource, int Page, bool Failed, byte[] Body)>();
        using (RawPageReader pages = RawPageReader.Open(raw, Day))
        {
            while (pages.MoveNext()) actual.Add((pages.SubResource, pages.PageNumber, pages.Failed, pages.Body.ToArray()));
            Assert.False(pages.MoveNext());
        }

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].SubResource, expected[i].Page, expected[i].Failed), (actual[i].SubResource, actual[i].Page, actual[i].Failed));
            Assert.True(expected[i].Body.AsSpan().SequenceEqual(actual[i].Body), $"page {i} differs");
        }
        Assert.True(actual.Single(p => p.SubResource == "CJ" && p.Page == 2).Body.Length > 256 * 1024);
    }

    [Fact]
    public async Task An_empty_partition_has_no_pages()
    {
        Table raw = new TableStore(_warehouse.Root).OpenTable(RawTier.DefaultNamespace, "empty");
        await using (PartitionWriter writer = raw.CreatePartitionWriter(Day, RawTier.Schema)) await writer.CommitAsync();

        using RawPageReader pages = RawPageReader.Open(raw, Day);
        Assert.False(pages.MoveNext());
    }

    [Fact]
    public async Task A_table_without_the_raw_columns_is_refused_with_the_column_named()
    {
        Table other = new TableStore(_warehouse.Root).OpenTable(RawTier.DefaultNamespace, "not_raw");
        var schema = new Schema.Builder().Field(new Field("page_number", Apache.Arrow.Types.Int32Type.Default, nullable: false)).Build();
        await using (PartitionWriter writer = other.CreatePartitionWriter(Day, schema))
        {
            using var batch = new RecordBatch(schema, [new Int32Array.Builder().Append(1).Build()], 1);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        using RawPageReader pages = RawPageReader.Open(other, Day);
        var error = Assert.Throws<InvalidDataException>(() => pages.MoveNext());
        Assert.Contains($"no {RawTier.SubResource} column", error.Message, StringComparison.Ordinal);
        Assert.Contains("raw-tier table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partition_that_was_never_committed_is_named_in_the_error()
    {
        Table raw = new TableStore(_warehouse.Root).OpenTable(RawTier.DefaultNamespace, "absent");
        var error = Assert.Throws<DirectoryNotFoundException>(() => RawPageReader.Open(raw, Day).Dispose());
        Assert.Contains("2026-11-27", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A body whose bytes follow from its page (not compressible to nothing), optionally over 256 KiB.</summary>
    private static byte[] Body(string subResource, int n, bool large)
    {
        var random = new Random(n * 31 + subResource.Length);
        var body = new byte[large ? 300_000 : 100 + n * 37];
        random.NextBytes(body);
        return body;
    }

    private static RawPage Page(string subResource, int n, PageOutcome outcome, byte[] body) => new()
    {
        Source = "hand_made",
        SubResource = new SubResource(subResource),
        RequestUrl = new Uri($"http://127.0.0.1/hand-made?page={n}"),
        PageNumber = n,
        FetchedAt = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        Status = outcome == PageOutcome.HttpError ? 503 : 200,
        Elapsed = TimeSpan.FromMilliseconds(1),
        Body = body,
        Outcome = outcome,
        Error = outcome == PageOutcome.Fetched ? null : "hand-made failure",
        AttemptLog = [new PageAttempt(1, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMilliseconds(1), 200, null)],
    };
}
