namespace Ingest.Sources;

/// <summary>
/// How an upstream pages: which query parameters ask for a page, and how to read a page's total count, record
/// count and error envelope. Page numbers given to a strategy are always 1-based.
/// </summary>
/// <remarks>
/// The source stops when the pages asked cover the largest total seen, or at the first short page
/// (fewer records than the page size), whichever comes first.
/// </remarks>
public interface IPaginationStrategy
{
    /// <summary>The query parameters for page <paramref name="pageNumber"/> (1-based), e.g. <c>pageNumber=3&amp;pageSize=50</c>.</summary>
    string PageQuery(int pageNumber, int pageSize);

    /// <summary>Reads the envelope of a page (one forward pass; never throws on bad JSON).</summary>
    PageSummary Inspect(ReadOnlySpan<byte> body);

    /// <summary>
    /// The <see cref="PageEnvelope"/> <see cref="Inspect"/> reads pages with, if it reads them with one; null (the
    /// default) otherwise. With an envelope, and record keys on the envelope's records path, the paged source reads
    /// each page's envelope and record keys in one walk instead of two.
    /// </summary>
    PageEnvelope? Envelope => null;
}
