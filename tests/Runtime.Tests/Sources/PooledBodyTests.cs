using System.Buffers;
using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>
/// The paged HTTP source reading bodies into a pool (as the raw stage has it do): every rented array is accounted for,
/// an answer a retry replaces goes back at once, and the bodies read are the pages served.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class PooledBodyTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Each_body_is_rented_and_an_answer_a_retry_replaces_goes_back_to_the_pool()
    {
        // Every URL's first attempt answers 5xx with a body (Content-Length stated); the second one answers the page.
        var server = fixture.Fresh(new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = 1 });
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        var pool = new CountingPool();
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 4) with { Retry = SimulatorFixture.FastRetry }, client: null, bodyPool: pool);

        var pages = new List<RawPage>();
        await foreach (var page in source.FetchAsync(code))
        {
            pages.Add(page);
        }

        Assert.Equal(pageCount, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal(PageOutcome.Fetched, page.Outcome);
            Assert.Equal(2, page.Attempts);
            Assert.True(page.BodyIsRented);
            Assert.Equal(server.Pages.RenderPage(fixture.Query(code), page.PageNumber), page.Body.ToArray());
        });
        Assert.Equal(2 * pageCount, pool.Rented); // the error pages were read into the pool too…
        Assert.Equal(pageCount, pool.Outstanding); // …and given back when the retry answered

        foreach (var page in pages) PagedHttpSource.ReturnBody(page, pool);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task Without_a_pool_every_body_is_the_pages_own()
    {
        fixture.Fresh();
        var (code, _) = fixture.CodesNearNewYork()[0];
        using var source = new PagedHttpSource(fixture.Jeep());

        await foreach (var page in source.FetchAsync(code))
        {
            Assert.False(page.BodyIsRented);
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(page.Body, out ArraySegment<byte> segment));
            Assert.Equal(segment.Array!.Length, page.Body.Length); // an array of its exact size
        }
    }

    /// <summary>Rents from the shared pool and keeps count of what is out; a return of an array it did not rent fails.</summary>
    private sealed class CountingPool : ArrayPool<byte>
    {
        private readonly HashSet<byte[]> _out = new(ReferenceEqualityComparer.Instance);

        public int Rented { get; private set; }

        public int Outstanding
        {
            get
            {
                lock (_out) return _out.Count;
            }
        }

        public override byte[] Rent(int minimumLength)
        {
            byte[] array = Shared.Rent(minimumLength);
            lock (_out)
            {
                Assert.True(_out.Add(array), "an array rented twice without a return");
                Rented++;
            }
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            lock (_out) Assert.True(_out.Remove(array), "an array returned that was not rented, or returned twice");
            Shared.Return(array, clearArray);
        }
    }
}
