using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;
using Ingest.Hashing;
using Ingest.Simulator;

namespace Ingest.Benchmarks.Structs;

/// <summary>
/// What struct columns cost: the national dealer-locator pages (3 pages of up to 999 dealers, read 20 times: about
/// 50,000 records) extracted, then snapshot-hashed, by the shipped <see cref="StellantisDealer"/> (each day's sales
/// hours one struct column, 7 in all) and by <see cref="FlatHoursDealer"/> (the same fields as 35 flat columns), a
/// batch per page.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class StructColumnBenchmarks
{
    private const int Rounds = 20;

    private byte[][] _pages = [];
    private readonly SnapshotHasher _hasher = new();
    private readonly ulong[] _hashes = new ulong[1024];

    [GlobalSetup]
    public void Setup()
    {
        var options = new SimulatorOptions { Date = new DateOnly(2026, 11, 27) };
        var dealers = new DealerLocator(options.Seed, new InventoryPages(options).Inventory.Dealers);
        var query = new DealerLocatorQuery("10001", Radius: 99999);
        int pages = (dealers.Find(query).Count + query.ResultsPerPage - 1) / query.ResultsPerPage;
        _pages = [.. Enumerable.Range(1, pages).Select(page => dealers.Render(query with { ResultsPage = page }))];
    }

    [Benchmark(Baseline = true)]
    public ulong FlatColumns() => ExtractAndHash(FlatHoursDealer.CreateExtractor());

    [Benchmark]
    public ulong StructColumns() => ExtractAndHash(StellantisDealer.CreateExtractor());

    private ulong ExtractAndHash(EntityExtractor extractor)
    {
        ulong sum = 0;
        for (int round = 0; round < Rounds; round++)
        {
            foreach (byte[] page in _pages)
            {
                extractor.AppendPage(page);
                while (extractor.PendingRows > 0)
                {
                    using ExtractedBatch batch = extractor.TakeBatch();
                    sum += Hash(batch.Batch);
                }
            }
        }
        return sum;
    }

    private ulong Hash(RecordBatch batch)
    {
        _hasher.HashRows(batch, _hashes);
        ulong sum = 0;
        for (int i = 0; i < batch.Length; i++) sum += _hashes[i];
        return sum;
    }
}
