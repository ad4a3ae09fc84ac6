using System.Collections.Concurrent;
using System.Text;

namespace Ingest.Sources;

/// <summary>
/// What a source's run fetched, sub-resource by sub-resource: pages, bytes, retries, every page that failed after
/// its retries (with the reason), pages that are not JSON, and continuity (duplicates, shortfall).
/// </summary>
public sealed class FetchReport(string source)
{
    private readonly ConcurrentQueue<SubResourceReport> _subResources = new();

    public string Source { get; } = source;

    /// <summary>In the order the sub-resources finished.</summary>
    public IReadOnlyList<SubResourceReport> SubResources => [.. _subResources];

    public int Pages => SubResources.Sum(s => s.Pages);

    public long Bytes => SubResources.Sum(s => s.Bytes);

    public int Retries => SubResources.Sum(s => s.Retries);

    public IReadOnlyList<FailedPage> FailedPages => [.. SubResources.SelectMany(s => s.FailedPages)];

    /// <summary>True when a page failed, a page is not JSON, a sub-resource did not complete, or pages did not add up.</summary>
    public bool HasProblems => SubResources.Any(s => !s.Completed || s.FailedPages.Count > 0 || s.NotJsonPages.Count > 0 || s.Continuity is { IsContinuous: false });

    internal void Add(SubResourceReport report) => _subResources.Enqueue(report);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{Source}: {Pages:N0} pages, {Bytes / 1e6:N1} MB, {Retries} retries, {FailedPages.Count} failed").AppendLine();
        foreach (var subResource in SubResources)
        {
            text.Append("  ").Append(subResource).AppendLine();
            foreach (var failed in subResource.FailedPages)
            {
                text.Append("    ").Append(failed).AppendLine();
            }
        }
        return text.ToString();
    }
}
