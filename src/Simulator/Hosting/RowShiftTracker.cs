using System.Collections.Concurrent;

namespace Ingest.Simulator;

/// <summary>Remembers which paginated searches have been read past the shift page, so their later pages see moved rows.</summary>
internal sealed class RowShiftTracker
{
    private readonly ConcurrentDictionary<string, bool> _shifted = new(StringComparer.Ordinal);

    public bool IsShifted(string searchKey) => _shifted.ContainsKey(searchKey);

    public void MarkShifted(string searchKey) => _shifted.TryAdd(searchKey, true);

    public void Reset() => _shifted.Clear();
}
