using System.Collections.Concurrent;

namespace Ingest.Simulator;

/// <summary>
/// Counts requests per path and attempts per URL (path + query), and keeps the most recent entries, so tests and
/// runners can see what the server saw and did.
/// </summary>
public sealed class RequestLog
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, long> _perPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _total;
    private int _inFlight;

    /// <summary>Requests received so far, all paths together.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests received for one path (e.g. <c>/hostd/inventory/getinventoryresults.json</c>).</summary>
    public long Count(string path) => _perPath.TryGetValue(path, out var count) ? count : 0;

    /// <summary>
    /// Requests registered and not yet logged: being answered, or held until their client goes away. A reset ends them
    /// and waits for this to reach 0, or an earlier caller's held request would land in the next caller's log.
    /// </summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public IReadOnlyDictionary<string, long> CountsByPath => new Dictionary<string, long>(_perPath, StringComparer.Ordinal);

    /// <summary>The most recent entries (up to 10,000), oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries => _entries.ToArray();

    /// <summary>Counts a request; returns its sequence number (0-based) and which attempt of its URL it is (1-based).</summary>
    internal (long Sequence, int Attempt) Register(string path, string url)
    {
        Interlocked.Increment(ref _inFlight);
        _perPath.AddOrUpdate(path, 1, static (_, count) => count + 1);
        var attempt = _attempts.AddOrUpdate(url, 1, static (_, count) => count + 1);
        return (Interlocked.Increment(ref _total) - 1, attempt);
    }

    internal void Add(RequestLogEntry entry)
    {
        _entries.Enqueue(entry);
        Interlocked.Decrement(ref _inFlight);
        while (_entries.Count > MaxEntries && _entries.TryDequeue(out _))
        {
        }
    }

    public void Reset()
    {
        _perPath.Clear();
        _attempts.Clear();
        _entries.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
