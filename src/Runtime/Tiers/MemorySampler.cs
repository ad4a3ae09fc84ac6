namespace Ingest.Tiers;

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory"/>) and the process working set every few tens of
/// milliseconds while a stage runs, and at the points the stage calls <see cref="Sample"/> (after each chunk), and
/// keeps the peaks. Cheap enough to leave on: two reads per sample.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private long _peakHeap;
    private long _peakWorkingSet;
    private int _samples;

    public MemorySampler(TimeSpan? interval = null)
    {
        Sample();
        TimeSpan period = interval ?? TimeSpan.FromMilliseconds(50);
        _timer = new Timer(static state => ((MemorySampler)state!).Sample(), this, period, period);
    }

    public void Sample()
    {
        long heap = GC.GetTotalMemory(forceFullCollection: false);
        long workingSet = Environment.WorkingSet;
        lock (_lock)
        {
            _peakHeap = Math.Max(_peakHeap, heap);
            _peakWorkingSet = Math.Max(_peakWorkingSet, workingSet);
            _samples++;
        }
    }

    public StageMemory Stop()
    {
        _timer.Dispose();
        Sample();
        lock (_lock) return new StageMemory(_peakHeap, _peakWorkingSet, _samples);
    }

    public void Dispose() => _timer.Dispose();
}

/// <summary>Peak memory seen while a stage ran: managed heap and process working set (RSS), sampled.</summary>
public sealed record StageMemory(long PeakGcHeapBytes, long PeakWorkingSetBytes, int Samples)
{
    public override string ToString() => $"peak GC heap {PeakGcHeapBytes / 1e6:N0} MB, peak working set {PeakWorkingSetBytes / 1e6:N0} MB ({Samples} samples)";
}

/// <summary>Where a stage's time went: the whole and its phases (phases may overlap when they are pipelined).</summary>
public sealed record StageTimings(TimeSpan Elapsed, IReadOnlyList<StagePhase> Phases)
{
    public override string ToString() =>
        $"{Elapsed.TotalSeconds:N1} s (" + string.Join(", ", Phases.Select(p => $"{p.Name} {p.Elapsed.TotalSeconds:N1} s")) + ")";
}

/// <summary>One phase of a stage (fetch, read, extract, write, commit) and its time.</summary>
public sealed record StagePhase(string Name, TimeSpan Elapsed);
