using System.Globalization;

namespace Ingest.Sources;

/// <summary>
/// A 1-based page number and a page size (Stellantis: <c>pageNumber=1&amp;pageSize=50</c>), with the total count in
/// the page's envelope (<c>result.data.metadata.totalcount</c>, or <c>totalCount</c>).
/// </summary>
public sealed class PageNumberPagination(PageEnvelope envelope, string pageParameter = "pageNumber", string sizeParameter = "pageSize") : IPaginationStrategy
{
    public static PageNumberPagination StellantisInventory { get; } = new(PageEnvelope.StellantisInventory);

    /// <summary>The dealer locator: <c>resultsPage=1&amp;resultsPerPage=999</c>.</summary>
    public static PageNumberPagination StellantisDealers { get; } = new(PageEnvelope.StellantisDealers, "resultsPage", "resultsPerPage");

    /// <summary>The dealer inventory feed: <c>page=1&amp;pageSize=250</c>.</summary>
    public static PageNumberPagination StellantisDealerFeed { get; } = new(PageEnvelope.StellantisDealerFeed, "page", "pageSize");

    public PageEnvelope Envelope { get; } = envelope;

    public string PageQuery(int pageNumber, int pageSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{pageParameter}={pageNumber}&{sizeParameter}={pageSize}");

    public PageSummary Inspect(ReadOnlySpan<byte> body) => Envelope.Read(body);
}
