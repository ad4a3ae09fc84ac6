namespace Ingest.Sources;

/// <summary>
/// Whether a sub-resource's pages add up: keys served on more than one page (rows pushed down into the next page
/// while paging) and a shortfall of distinct keys against the largest total the upstream stated (rows pushed up
/// into a page already read, or inserted there, are never served).
/// </summary>
/// <param name="Duplicates">The first 50 duplicates, in the order they were met.</param>
/// <param name="UnreadablePages">Pages whose keys could not be read (not JSON); their rows count towards the shortfall.</param>
public sealed record ContinuityReport(
    int Pages,
    long Rows,
    long UniqueKeys,
    int DuplicateCount,
    IReadOnlyList<DuplicateKey> Duplicates,
    long? FirstTotal,
    long? LastTotal,
    long? MaxTotal,
    IReadOnlyList<int> UnreadablePages)
{
    public const int MaxDuplicatesListed = 50;

    /// <summary>Distinct keys missing against the largest total stated (0 when none was stated).</summary>
    public long Shortfall => MaxTotal is { } total ? Math.Max(0, total - UniqueKeys) : 0;

    /// <summary>The upstream's total changed while the sub-resource was being paged.</summary>
    public bool TotalChanged => FirstTotal != LastTotal || MaxTotal != FirstTotal;

    public bool IsContinuous => DuplicateCount == 0 && Shortfall == 0 && UnreadablePages.Count == 0;

    public override string ToString() =>
        IsContinuous
            ? $"{UniqueKeys:N0} keys on {Pages:N0} pages, as stated"
            : $"{UniqueKeys:N0} distinct keys on {Pages:N0} pages: {DuplicateCount} duplicate(s), {Shortfall} short of the stated total {MaxTotal}" +
              (TotalChanged ? $" (the total moved {FirstTotal} → {LastTotal} while paging: rows shifted between pages)" : "") +
              (UnreadablePages.Count > 0 ? $", {UnreadablePages.Count} page(s) unreadable" : "");
}
