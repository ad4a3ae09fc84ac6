using CsCheck;
using Ingest.Extraction;
using Ingest.Hashing;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>
/// A page that breaks off anywhere (a truncated body) is rolled back whole: the batch is the one the good pages alone
/// give, value for value, whichever byte the page was cut at. Lists, structs, lists of structs, selections and
/// projections each hold state a cut can leave half-written.
/// </summary>
public sealed class CutPageProperties
{
    private static readonly byte[] Before = Pages.Items(
        """{"id":"a","price":{"msrp":"$1.00","notes":["x"]},"incentives":[{"programId":"P0","regions":[{"code":"NE"}]}]}""");

    private static readonly byte[] Cut = Pages.Items(
        """{"id":"b","price":{"msrp":2,"netPrice":"1,000.00","notes":["y","z"],"incentives":[{"name":"Loyalty","amount":5}]},"departments":{"sales":{"hours":{"monday":{"closed":"N","open":{"time":"09:00","ampm":"am"}}}}},"incentives":[{"programId":"P1","amount":"$10","terms":{"months":24},"regions":[{"code":"W"},{"code":"S"}],"conditions":[{"kind":"lease","rate":1.5}]},null,{"programId":"P2"}]}""",
        """{"id":"c","incentives":[{"programId":"P3","amount":"7"}],"price":{"notes":[]}}""");

    private static readonly byte[] After = Pages.Items(
        """{"id":"d","price":{"msrp":4,"notes":["w"]},"departments":{"sales":{"hours":{"monday":{"since":"2024-01-02"}}}},"incentives":[{"programId":"P4","regions":[{"code":"E"}]}]}""");

    private static readonly byte[] TypedCut = Pages.Items(
        """{"name":"b","count":3,"tags":["x","y"],"scores":[1,2,3],"amounts":["1.50",2],"weights":[0.5],"day":"2024-02-03"}""",
        """{"name":"c","tags":[],"counters":[9,8]}""");

    private static readonly byte[] TypedAround = Pages.Items("""{"name":"a","tags":["t"],"scores":[7]}""");

    private static readonly byte[] ProjectedCut = Pages.Items(
        """{"id":"b","incentives":[{"programId":"P1","amount":"$1,000.00","name":"Loyalty"},{"programId":"P2","amount":5}],"dealer":{"addresses":[{"zip":"48326"},{"zip":1}]}}""");

    private static readonly byte[] ProjectedAround = Pages.Items("""{"id":"a","incentives":[{"programId":"P0"}],"dealer":{"addresses":[{"zip":2}]}}""");

    [Fact]
    public void A_page_cut_at_any_byte_leaves_structs_and_lists_of_structs_as_the_good_pages_alone_give_them() =>
        AssertCutsLeaveNoTrace<StructuredRecord>(Before, Cut, After);

    [Fact]
    public void A_page_cut_at_any_byte_leaves_scalar_and_list_columns_as_the_good_pages_alone_give_them() =>
        AssertCutsLeaveNoTrace<TypedRecord>(TypedAround, TypedCut, TypedAround);

    [Fact]
    public void A_page_cut_at_any_byte_leaves_projected_and_selected_lists_as_the_good_pages_alone_give_them() =>
        AssertCutsLeaveNoTrace<ProjectedRecord>(ProjectedAround, ProjectedCut, ProjectedAround);

    private static void AssertCutsLeaveNoTrace<TEntity>(byte[] before, byte[] cut, byte[] after) where TEntity : IEntity
    {
        ulong[] expected = RowHashes<TEntity>(before, after);
        Gen.Int[1, cut.Length - 1].Sample(length =>
        {
            ulong[] actual = RowHashes<TEntity>(before, cut[..length], after, invalidPages: 1);
            Assert.True(expected.SequenceEqual(actual), $"Cut after byte {length} of {cut.Length}: the batch differs from the good pages' alone.");
        }, iter: 400);
    }

    /// <summary>The pages' batch as a snapshot hash per row (every value of every column, type- and null-aware).</summary>
    private static ulong[] RowHashes<TEntity>(byte[] first, byte[] second, byte[]? third = null, int invalidPages = 0) where TEntity : IEntity
    {
        EntityExtractor extractor = TEntity.CreateExtractor();
        extractor.AppendPage(first);
        extractor.AppendPage(second);
        if (third is not null) extractor.AppendPage(third);
        using ExtractedBatch batch = extractor.TakeBatch();
        Assert.Equal(invalidPages, batch.Report.InvalidPages.Count);
        var hashes = new ulong[batch.Batch.Length];
        new SnapshotHasher().HashRows(batch.Batch, hashes);
        return hashes;
    }
}
