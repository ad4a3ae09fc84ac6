using System.Globalization;

namespace Ingest.Sources;

/// <summary>
/// A 0-based page index and a page size (Mercedes-Benz USA: <c>start=0&amp;count=12</c>; <c>start</c> counts pages,
/// not rows), with the total count in the envelope (<c>result.pagedVehicles.paging.totalCount</c>).
/// </summary>
public sealed class PageIndexPagination(PageEnvelope envelope, string indexParameter = "start", string sizeParameter = "count") : IPaginationStrategy
{
    public static PageIndexPagination MercedesInventory { get; } = new(PageEnvelope.MercedesInventory);

    public PageEnvelope Envelope { get; } = envelope;

    public string PageQuery(int pageNumber, int pageSize) =>
        string.Create(CultureInfo.InvariantCulture, $"{indexParameter}={pageNumber - 1}&{sizeParameter}={pageSize}");

    public PageSummary Inspect(ReadOnlySpan<byte> body) => Envelope.Read(body);
}
