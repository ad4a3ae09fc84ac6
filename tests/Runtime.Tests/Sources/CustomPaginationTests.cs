using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>
/// A pagination strategy written by a user (not one of the two the runtime ships) gets the one-walk read of each page
/// when it says which <see cref="PageEnvelope"/> it reads pages with, and the two-walk read when it does not; the
/// continuity report is the same either way.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class CustomPaginationTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task A_strategy_that_names_its_envelope_reads_record_keys_in_the_envelopes_walk()
    {
        // A repeated row (page 2's last is page 3's first) gives the continuity check something to find.
        fixture.Fresh(new FaultOptions { RowShiftAfterPage = 2, RowShiftKind = RowShiftKind.Insertion });
        var (code, _) = fixture.CodesNearNewYork()[0];

        var (oneWalk, oneWalkContinuity) = await Fetch(code, new UserPagination(exposeEnvelope: true));
        fixture.Fresh(new FaultOptions { RowShiftAfterPage = 2, RowShiftKind = RowShiftKind.Insertion });
        var (twoWalks, twoWalksContinuity) = await Fetch(code, new UserPagination(exposeEnvelope: false));

        Assert.All(oneWalk, page => Assert.Equal(page.RecordCount, page.Keys?.Count));
        Assert.All(twoWalks, page => Assert.Null(page.Keys));
        Assert.Single(oneWalkContinuity.Duplicates);
        Assert.Equal(twoWalksContinuity.Duplicates, oneWalkContinuity.Duplicates);
        Assert.Equal(
            (twoWalksContinuity.Pages, twoWalksContinuity.Rows, twoWalksContinuity.UniqueKeys, twoWalksContinuity.Shortfall),
            (oneWalkContinuity.Pages, oneWalkContinuity.Rows, oneWalkContinuity.UniqueKeys, oneWalkContinuity.Shortfall));
    }

    private async Task<(List<RawPage> Pages, ContinuityReport Continuity)> Fetch(string code, IPaginationStrategy pagination)
    {
        // One page at a time, so page 3 is asked after page 2 has been served and the rows have moved.
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 1) with { Pagination = pagination });
        var pages = new List<RawPage>();
        await foreach (var page in source.FetchAsync(code)) pages.Add(page);
        Assert.All(pages, page => Assert.Equal(PageOutcome.Fetched, page.Outcome));
        return (pages, Assert.Single(source.Report.SubResources).Continuity!);
    }

    /// <summary>Stellantis paging as a user would write it; it names its envelope only when asked to.</summary>
    private sealed class UserPagination(bool exposeEnvelope) : IPaginationStrategy
    {
        public PageEnvelope? Envelope => exposeEnvelope ? PageEnvelope.StellantisInventory : null;

        public string PageQuery(int pageNumber, int pageSize) => $"pageNumber={pageNumber}&pageSize={pageSize}";

        public PageSummary Inspect(ReadOnlySpan<byte> body) => PageEnvelope.StellantisInventory.Read(body);
    }
}
