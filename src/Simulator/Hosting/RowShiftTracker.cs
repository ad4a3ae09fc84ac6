using System.Collections.Concurrent;

namespace Ingest.Simulator;

/// <summary>Remembers which paginated searches have been read past the shift page, so their later pages see moved rows.</summary>
internal sealed class RowShiftTracker
{
    private readonly ConcurrentDictionary<string, bool> _shifted = new(StringComparer.Ordinal);

    public bool IsShifted(string searchKey) => _shifted.ContainsKey(searchKey);

    public void MarkShifted(string searchKey) => _shifted.TryAdd(searchKey, true);

    /// <summary>A read that starts again from page 1 is a new read: it sees the inventory unshifted until it passes the shift page.</summary>
    public void StartRead(string searchKey) => _shifted.TryRemove(searchKey, out _);

    public void Reset() => _shifted.Clear();
}
