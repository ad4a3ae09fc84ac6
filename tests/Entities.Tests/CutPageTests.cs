using Ingest.Entities.Mercedes;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;
using Ingest.Hashing;
using Ingest.Simulator;

namespace Ingest.Entities.Tests;

/// <summary>
/// A truncated page of each shipped entity's upstream, cut at byte positions spread over the whole page, is rolled
/// back whole: the batch is the one its neighbours alone give, row hash for row hash (every value of every column).
/// Each entity holds state a cut can leave half-written: selections, projections, structs, lists of structs.
/// </summary>
public sealed class CutPageTests
{
    private const int Cuts = 48;

    [Fact]
    public void A_cut_vehicle_page_leaves_no_trace()
    {
        byte[][] pages = [.. Simulation.Inventory.Pages(new InventoryQuery(Simulation.Date, null, InventoryQuery.NewYorkZip, Radius: 50)).Take(3)];
        AssertCutsLeaveNoTrace<StellantisVehicle>(pages[0], pages[1], pages[2]);
    }

    [Fact]
    public void A_cut_dealer_page_leaves_no_trace()
    {
        var query = new DealerLocatorQuery("10001", Radius: 99999, ResultsPerPage: 40);
        byte[][] pages = [.. Enumerable.Range(1, 3).Select(page => Simulation.Dealers.Render(query with { ResultsPage = page }))];
        AssertCutsLeaveNoTrace<StellantisDealer>(pages[0], pages[1], pages[2]);
    }

    [Fact]
    public void A_cut_dealer_feed_page_leaves_no_trace()
    {
        var query = new DealerFeedQuery(Simulation.Date, Radius: 50, PageSize: 40);
        byte[][] pages = [.. Enumerable.Range(1, 3).Select(page => Simulation.DealerFeed.RenderPage(query with { Page = page }))];
        AssertCutsLeaveNoTrace<StellantisFeedVehicle>(pages[0], pages[1], pages[2]);
    }

    [Fact]
    public void A_cut_used_Mercedes_page_leaves_no_trace()
    {
        var query = new MercedesQuery(Simulation.Date, MercedesCondition.Used, "10001");
        byte[][] pages = [.. Enumerable.Range(0, 3).Select(start => Simulation.Mercedes.RenderPage(query with { Start = start }))];
        AssertCutsLeaveNoTrace<MercedesVehicle>(pages[0], pages[1], pages[2]);
    }

    private static void AssertCutsLeaveNoTrace<TEntity>(byte[] before, byte[] cut, byte[] after) where TEntity : IEntity
    {
        ulong[] expected = RowHashes<TEntity>(before, null, after);
        // Spread over the page, and dense over its first records (a cut in the first record is the hardest to undo).
        IEnumerable<int> lengths = Enumerable.Range(1, Cuts).Select(i => (int)((long)cut.Length * i / (Cuts + 1)))
            .Concat(Enumerable.Range(1, 64).Select(i => i * 61).Where(length => length < cut.Length));
        foreach (int length in lengths)
        {
            ulong[] actual = RowHashes<TEntity>(before, cut[..length], after);
            Assert.True(expected.SequenceEqual(actual), $"Cut after byte {length} of {cut.Length}: the batch differs from its neighbours' alone.");
        }
    }

    private static ulong[] RowHashes<TEntity>(byte[] before, byte[]? cut, byte[] after) where TEntity : IEntity
    {
        EntityExtractor extractor = TEntity.CreateExtractor(batchSize: 100_000);
        extractor.AppendPage(before);
        if (cut is not null) Assert.Equal(0, extractor.AppendPage(cut));
        extractor.AppendPage(after);
        using ExtractedBatch batch = extractor.TakeBatch();
        Assert.Equal(cut is null ? 0 : 1, batch.Report.InvalidPages.Count);
        var hashes = new ulong[batch.Batch.Length];
        new SnapshotHasher().HashRows(batch.Batch, hashes);
        return hashes;
    }
}
