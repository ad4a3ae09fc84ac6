using System.Diagnostics;
using Ingest.Sources;
using Spectre.Console;

namespace Ingest.Runner;

/// <summary>
/// A stage's progress on stderr: pages fetched, bytes and MB/s, rewritten in place on a terminal and printed every
/// few seconds otherwise. Page callbacks arrive on the fetching thread; counters are updated atomically.
/// </summary>
public sealed class StageProgress(IAnsiConsole console, string stage)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _pages;
    private long _failed;
    private long _bytes;
    private long _records;
    private long _lastPrintTicks;

    public void OnPage(RawPage page)
    {
        Interlocked.Increment(ref _pages);
        Interlocked.Add(ref _bytes, page.Body.Length);
        if (page.RecordCount is int records) Interlocked.Add(ref _records, records);
        if (page.IsFailed) Interlocked.Increment(ref _failed);
        long now = _watch.ElapsedTicks;
        long last = Interlocked.Read(ref _lastPrintTicks);
        long interval = Stopwatch.Frequency * (ConsoleOutput.IsInteractive ? 1 : 5);
        if (now - last >= interval && Interlocked.CompareExchange(ref _lastPrintTicks, now, last) == last) Print();
    }

    public void Finish(bool succeeded)
    {
        if (_pages > 0) Print();
        console.MarkupLine(succeeded
            ? $"[green]{Markup.Escape(stage)}[/] done in {_watch.Elapsed.TotalSeconds:0.0} s"
            : $"[red]{Markup.Escape(stage)}[/] failed after {_watch.Elapsed.TotalSeconds:0.0} s");
    }

    private void Print()
    {
        double seconds = Math.Max(_watch.Elapsed.TotalSeconds, 0.001);
        console.WriteLine($"  {stage}: {_pages:N0} pages ({_failed:N0} failed), {_records:N0} rows, {_bytes / 1e6:N1} MB, {_bytes / 1e6 / seconds:N1} MB/s");
    }
}
