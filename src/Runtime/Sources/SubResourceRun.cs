using System.Diagnostics;

namespace Ingest.Sources;

/// <summary>
/// The shared state of one sub-resource's fetch: what the pages fetched so far say about where it ends (the
/// largest total stated, the first short page), shared by the page tasks and the scheduler; and, on the consumer's
/// side, what the report will say.
/// </summary>
internal sealed class SubResourceRun(SubResource subResource, int pageSize, int maxPages, PageContinuityChecker? continuity)
{
    private readonly Lock _lock = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<FailedPage> _failed = [];
    private readonly List<int> _notJson = [];
    private long? _maxTotal;
    private long? _firstTotal;
    private int _firstShortPage = int.MaxValue;
    private int _unreadableWithoutTotal;
    private string? _stop;
    private int _inFlight;
    private int _peakInFlight;
    private int _pages;
    private long _bytes;
    private int _attempts;

    /// <summary>Pages that are not JSON, in a row, after which paging without a known total gives up.</summary>
    public const int MaxUnreadableWithoutTotal = 3;

    public SubResource SubResource { get; } = subResource;

    /// <summary>True once a page has stated a total: the pages left can be fetched concurrently.</summary>
    public bool TotalKnown
    {
        get { lock (_lock) return _maxTotal is not null; }
    }

    /// <summary>Why no more pages should be asked, or null to go on to <paramref name="nextPage"/>.</summary>
    public string? StopBefore(int nextPage)
    {
        lock (_lock)
        {
            if (_stop is not null)
            {
                return _stop;
            }
            // The total first: the last page is usually short too, and which of the two is learned first depends
            // on the order concurrent pages finish in; the reason must not.
            if (_maxTotal is { } total && nextPage > LastPageOf(total))
            {
                return $"the total {total:N0} was reached";
            }
            if (nextPage > _firstShortPage)
            {
                return $"page {_firstShortPage} was short";
            }
            if (nextPage > maxPages)
            {
                return $"the {maxPages:N0}-page guard (PagedSourceOptions.MaxPages) was reached";
            }
            return null;
        }
    }

    /// <summary>Called by a page's task when the page is done (any order): learns the total and short pages.</summary>
    public void Learn(RawPage page)
    {
        lock (_lock)
        {
            if (page.IsFailed || page.Outcome == PageOutcome.NotJson)
            {
                // Without a total nothing says where the sub-resource ends: probing past a bad page 1 would never stop.
                if (page.PageNumber == 1 && page.IsFailed)
                {
                    _stop = $"page 1 failed ({page.Error})";
                }
                else if (_maxTotal is null && page.IsFailed)
                {
                    _stop = $"page {page.PageNumber} failed before any page stated a total";
                }
                else if (_maxTotal is null && ++_unreadableWithoutTotal >= MaxUnreadableWithoutTotal)
                {
                    _stop = $"{MaxUnreadableWithoutTotal} pages in a row were not JSON and none stated a total, so where {SubResource} ends is unknown";
                }
                return;
            }
            _unreadableWithoutTotal = 0;
            if (page.TotalCount is { } total)
            {
                if (page.PageNumber == 1)
                {
                    _firstTotal = total;
                }
                _maxTotal = Math.Max(_maxTotal ?? total, total);
            }
            if (page.RecordCount is { } records && records < pageSize)
            {
                _firstShortPage = Math.Min(_firstShortPage, page.PageNumber);
            }
        }
    }

    public void EnterFlight()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }
    }

    public void ExitFlight() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Called on the consumer's side, in page order, before the page is yielded.</summary>
    public void Record(RawPage page)
    {
        _pages++;
        _bytes += page.Body.Length;
        _attempts += page.Attempts;
        if (page.IsFailed)
        {
            _failed.Add(new FailedPage(page.SubResource, page.PageNumber, page.RequestUrl, page.Outcome, page.Status, page.Attempts, page.Error ?? ""));
            continuity?.ObserveUnreadable(page.PageNumber);
        }
        else
        {
            if (page.Outcome == PageOutcome.NotJson)
            {
                _notJson.Add(page.PageNumber);
            }
            if (page.Keys is { } keys)
            {
                continuity?.ObserveKeys(page.PageNumber, page.TotalCount, page.RecordCount ?? 0, keys, page.Body.Span);
            }
            else
            {
                continuity?.ObservePage(page.PageNumber, page.TotalCount, page.Body.Span);
            }
        }
    }

    public SubResourceReport Report(bool completed, string stopReason) =>
        new(SubResource, completed, stopReason, _pages, _bytes, _firstTotal, [.. _failed], [.. _notJson], _attempts,
            Volatile.Read(ref _peakInFlight), Stopwatch.GetElapsedTime(_started), continuity?.Report());

    private long LastPageOf(long total) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
