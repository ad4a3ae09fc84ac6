using System.Diagnostics;
using System.Globalization;
using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Benchmarks.Fetch;

/// <summary>
/// <c>fetch [throughput|latency|render] [concurrency]</c>: the paged HTTP source over real HTTP on loopback against the
/// in-process simulator. Throughput: national Jeep inventory (every model-year code) without latency, MB/s of page
/// bytes and memory as pages go by, beside the simulator's own render rate without HTTP. Latency: the largest
/// model-year code (1,000+ pages) under the observed 0.3 s latency at a concurrency against a sequential sample.
/// Render: only the simulator's render rate (national pages, no HTTP, one thread), three passes.
/// <c>--no-keys</c> turns the continuity key scan off (to see its cost).
/// </summary>
public static class FetchBenchmark
{
    private static readonly DateOnly Date = new(2026, 11, 27);

    public static async Task<int> RunAsync(string[] args)
    {
        var noKeys = args.Contains("--no-keys");
        args = [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
        var mode = args.Length > 0 ? args[0] : "all";
        var concurrency = args.Length > 1 && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 8;
        Console.WriteLine($"fetch benchmark: {mode}, concurrency {concurrency}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Date = Date });
        if (mode == "render")
        {
            RenderOnly(server);
            return 0;
        }
        if (mode is "throughput" or "all")
        {
            RenderRate(server);
            await Throughput(server, concurrency, noKeys);
        }
        if (mode is "latency" or "all")
        {
            await Latency(server, concurrency);
        }
        return 0;
    }

    /// <summary>The simulator rendering national pages without HTTP: the ceiling for the loopback fetch.</summary>
    private static void RenderRate(SimulatorServer server)
    {
        var pages = 0L;
        var bytes = 0L;
        var inspectTime = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var checker = new PageContinuityChecker(RecordKeyPath.StellantisInventory);
        foreach (var page in server.Pages.NationalPages(Date))
        {
            pages++;
            bytes += page.Length;
            // What the client does with each page besides HTTP: the envelope walk and the continuity key scan.
            var started = Stopwatch.GetTimestamp();
            var summary = PageNumberPagination.StellantisInventory.Inspect(page);
            checker.ObservePage((int)pages, summary.TotalCount, page);
            inspectTime += Stopwatch.GetElapsedTime(started);
        }
        clock.Stop();
        var renderTime = clock.Elapsed - inspectTime;
        Console.WriteLine($"simulator render, no HTTP, 1 thread: {pages:N0} pages, {bytes / 1e6:N1} MB in {renderTime.TotalSeconds:N2} s = " +
                          $"{bytes / 1e6 / renderTime.TotalSeconds:N1} MB/s, {pages / renderTime.TotalSeconds:N0} pages/s");
        Console.WriteLine($"client page work, no HTTP, 1 thread (envelope walk + continuity key scan): {inspectTime.TotalSeconds:N2} s = " +
                          $"{bytes / 1e6 / inspectTime.TotalSeconds:N1} MB/s");
    }

    /// <summary>
    /// National pages rendered, three passes each way (the first pass also builds the day's model and JIT-compiles):
    /// into one reused buffer, as the HTTP endpoint renders (pooled buffer), and as fresh arrays
    /// (<c>InventoryPages.NationalPages</c>). Wall and process CPU time: the machine is shared, CPU time moves less.
    /// </summary>
    private static void RenderOnly(SimulatorServer server)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * 1024);
        var queries = JeepInventory.AllModelYearCodes.Select(code => new InventoryQuery(Date, code)).ToList();
        for (var pass = 1; pass <= 3; pass++)
        {
            RenderPass($"into a reused buffer, pass {pass}", () =>
            {
                var (pages, bytes) = (0L, 0L);
                foreach (var query in queries)
                {
                    var count = server.Pages.PageCount(query);
                    for (var page = 1; page <= count; page++)
                    {
                        buffer.ResetWrittenCount();
                        server.Pages.WritePage(buffer, query, page);
                        pages++;
                        bytes += buffer.WrittenCount;
                    }
                }
                return (pages, bytes);
            });
        }
        for (var pass = 1; pass <= 3; pass++)
        {
            RenderPass($"as new arrays, pass {pass}", () =>
            {
                var (pages, bytes) = (0L, 0L);
                foreach (var page in server.Pages.NationalPages(Date))
                {
                    pages++;
                    bytes += page.Length;
                }
                return (pages, bytes);
            });
        }
    }

    private static void RenderPass(string label, Func<(long Pages, long Bytes)> render)
    {
        using var self = Process.GetCurrentProcess();
        var cpuAtStart = self.TotalProcessorTime;
        var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var (pages, bytes) = render();
        clock.Stop();
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuAtStart).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
        Console.WriteLine($"simulator render, no HTTP, 1 thread, {label}: {pages:N0} pages, {bytes / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N2} s = " +
                          $"{bytes / 1e6 / clock.Elapsed.TotalSeconds:N1} MB/s wall, {bytes / 1e6 / cpu:N1} MB/s of process CPU; allocated {allocated / 1e6:N0} MB");
    }

    private static async Task Throughput(SimulatorServer server, int concurrency, bool noKeys)
    {
        server.Faults = FaultOptions.None;
        server.ResetRequests();
        var options = KnownSources.StellantisInventory(server.BaseAddress) with { Concurrency = concurrency };
        options = noKeys ? options with { RecordKeys = null } : options;
        using var source = new PagedHttpSource(options);
        var codes = JeepInventory.AllModelYearCodes.Select(code => new SubResource(code)).ToList();

        GC.Collect();
        var heapAtStart = GC.GetTotalMemory(true);
        using var self = Process.GetCurrentProcess();
        var cpuAtStart = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var pages = 0;
        var bytes = 0L;
        var peakHeap = 0L;
        var peakWorkingSet = 0L;
        Console.WriteLine($"national fetch, {codes.Count} model-year codes, concurrency {concurrency}, reorder window {options.EffectiveReorderWindowForReport()}, continuity {(noKeys ? "off" : "on")}:");
        Console.WriteLine("   pages      MB   seconds   GC heap MB   working set MB");
        await foreach (var page in source.FetchAllAsync(codes))
        {
            pages++;
            bytes += page.Body.Length;
            if (pages % 250 == 0)
            {
                var heap = GC.GetTotalMemory(false);
                var workingSet = Environment.WorkingSet;
                peakHeap = Math.Max(peakHeap, heap);
                peakWorkingSet = Math.Max(peakWorkingSet, workingSet);
                if (pages % 1000 == 0)
                {
                    Console.WriteLine($"  {pages,6:N0} {bytes / 1e6,7:N0} {clock.Elapsed.TotalSeconds,9:N1} {heap / 1e6,12:N1} {workingSet / 1e6,16:N0}");
                }
            }
        }
        clock.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuAtStart;
        var report = source.Report;
        Console.WriteLine($"  {pages:N0} pages, {bytes / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N2} s = {bytes / 1e6 / clock.Elapsed.TotalSeconds:N1} MB/s, " +
                          $"{pages / clock.Elapsed.TotalSeconds:N0} pages/s; {report.FailedPages.Count} failed, {report.Retries} retries, peak in flight {source.PeakInFlight}");
        Console.WriteLine($"  GC heap at start {heapAtStart / 1e6:N1} MB (the simulator's model lives in this process too), peak sampled {peakHeap / 1e6:N1} MB; " +
                          $"working set peak sampled {peakWorkingSet / 1e6:N0} MB, process peak {self.PeakWorkingSet64 / 1e6:N0} MB; " +
                          $"allocated {GC.GetTotalAllocatedBytes() / 1e9:N1} GB, gen2 collections {GC.CollectionCount(2)}");
        Console.WriteLine($"  CPU {cpu.TotalSeconds:N1} s over {clock.Elapsed.TotalSeconds:N1} s wall = {cpu / clock.Elapsed:N2} of {Environment.ProcessorCount} cores (simulator and client share them)");
        var largest = report.SubResources.MaxBy(s => s.Pages)!;
        Console.WriteLine($"  largest code: {largest}");
    }

    private static async Task Latency(SimulatorServer server, int concurrency)
    {
        var code = server.Pages.ModelYearCodes(Date).MaxBy(c => c.VehicleCount)!.ModelYearCode;
        var latency = new FaultOptions { Latency = TimeSpan.FromSeconds(0.3), Jitter = TimeSpan.FromSeconds(0.05) };

        server.Faults = latency;
        server.ResetRequests();
        const int sample = 40;
        using (var sequential = new PagedHttpSource(KnownSources.StellantisInventory(server.BaseAddress) with { Concurrency = 1, MaxPages = sample }))
        {
            var clock = Stopwatch.StartNew();
            var pages = 0;
            await foreach (var page in sequential.FetchAsync(code))
            {
                pages++;
            }
            clock.Stop();
            var perPage = clock.Elapsed.TotalSeconds / pages;
            var total = server.Pages.PageCount(new InventoryQuery(Date, code));
            Console.WriteLine($"latency 0.3 s ± 50 ms, {code} ({total:N0} pages national): sequential sample of {pages} pages in {clock.Elapsed.TotalSeconds:N1} s = " +
                              $"{perPage:N3} s/page, extrapolated to {total:N0} pages: {perPage * total:N0} s ({perPage * total / 60:N1} min)");
        }

        server.ResetRequests();
        using (var concurrent = new PagedHttpSource(KnownSources.StellantisInventory(server.BaseAddress) with { Concurrency = concurrency }))
        {
            var clock = Stopwatch.StartNew();
            var pages = 0;
            var bytes = 0L;
            await foreach (var page in concurrent.FetchAsync(code))
            {
                pages++;
                bytes += page.Body.Length;
            }
            clock.Stop();
            Console.WriteLine($"  concurrency {concurrency}: {pages:N0} pages, {bytes / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N1} s = {clock.Elapsed.TotalSeconds / pages:N3} s/page, " +
                              $"{pages / clock.Elapsed.TotalSeconds:N1} pages/s; peak in flight {concurrent.PeakInFlight}; {concurrent.Report.SubResources[0]}");
        }
    }

    private static int EffectiveReorderWindowForReport(this PagedSourceOptions options) =>
        options.ReorderWindow > 0 ? options.ReorderWindow : 2 * Math.Max(1, options.Concurrency);
}
