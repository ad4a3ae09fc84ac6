using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using DuckDB.NET.Data;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;
using Ingest.Tables;
using Ingest.Tiers;
using Table = Ingest.Tables.Table;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// A stage as users run it (the built <c>ingest</c> executable, <c>ingest stage stellantis_jeep_inventory &lt;stage&gt;</c>,
/// with the runner's runtime settings: <c>src/Runner/Ingest.Runner.csproj</c>) against DuckDB doing the same job with
/// one thread, over the same committed input, alternating, each in a process of its own so its peak RSS
/// (<c>VmHWM</c>) is its own. Times are each side's own clock around the work (the stage's report; DuckDB's
/// connection, query and COPY), not process start-up. Prints every run, the medians and the ratio, then checks that
/// both outputs have the same rows and values.
/// <list type="bullet">
/// <item><c>transformed-vs-duckdb &lt;warehouse&gt; [--date yyyy-MM-dd] [--runs n] [--out dir] [--probe] [--duckdb-threads n]</c>:
/// the transformed stage against <see cref="DuckDbTransform"/> over a raw partition; <c>--probe</c> also times
/// DuckDB's pipeline cut short at each step.</item>
/// <item><c>consolidated-vs-duckdb &lt;warehouse&gt; [--date yyyy-MM-dd] [--runs n] [--out dir] [--duckdb-threads n]</c>:
/// the consolidated stage against <see cref="DuckDbConsolidate"/> over a transformed partition and the consolidated
/// partition before it.</item>
/// </list>
/// </summary>
public static class StageVsDuckDb
{
    public const string Transformed = "transformed";
    public const string Consolidated = "consolidated";
    private const string Ours = "ingest";
    private const string Duck = "duckdb";
    private const string ResultPrefix = "RESULT ";
    private const string RunnerVariable = "INGEST_TVD_RUNNER";

    /// <param name="job"><see cref="Transformed"/> or <see cref="Consolidated"/>.</param>
    public static int Run(string job, string[] args)
    {
        if (args is ["--child", string childSide, string warehouse, string date, string output, string childThreads])
            return Child(job, childSide, warehouse, DateOnly.Parse(date, CultureInfo.InvariantCulture), output, int.Parse(childThreads, CultureInfo.InvariantCulture));
        if (args is ["--probe-child", string probeWarehouse, string probeDate]) return ProbeChild(probeWarehouse, DateOnly.Parse(probeDate, CultureInfo.InvariantCulture));
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine($"usage: {job}-vs-duckdb <warehouse> [--date yyyy-MM-dd] [--runs n] [--out dir] [--probe] [--duckdb-threads n] [--runner path/to/ingest.dll]");
            return 2;
        }
        string warehousePath = Path.GetFullPath(args[0]);
        DateOnly partition = DateOnly.Parse(Option(args, "--date") ?? "2026-11-27", CultureInfo.InvariantCulture);
        int runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        // DuckDB's threads; the stage runs on one. More than one is not the same-thread-count comparison: it shows
        // how far DuckDB gets with the machine's other core.
        int duckThreads = int.Parse(Option(args, "--duckdb-threads") ?? "1", CultureInfo.InvariantCulture);
        // Another build of the runner (a ReadyToRun publish, say); the child processes inherit the choice.
        if (Option(args, "--runner") is { } runner) Environment.SetEnvironmentVariable(RunnerVariable, Path.GetFullPath(runner));
        string outDir = Path.GetFullPath(Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "ingest-tvd-duckdb"));
        Directory.CreateDirectory(outDir);
        string duckOutput = Path.Combine(outDir, "part.parquet");

        foreach ((string table, DateOnly inputDate) in Inputs(job, warehousePath, partition))
        {
            IReadOnlyList<string> files = DuckDbTransform.PartitionFiles(warehousePath, "stellantis", table, inputDate);
            Console.WriteLine($"input: {warehousePath}/stellantis/{table}/partition_date={inputDate:yyyy-MM-dd}, {files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB");
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {LoadAverage()}");

        var results = new List<RunResult>();
        for (int i = 0; i < runs; i++)
        {
            // Alternate which side goes first so neither always runs on a warmer page cache.
            string[] order = i % 2 == 0 ? [Ours, Duck] : [Duck, Ours];
            foreach (string side in order)
            {
                RunResult result = RunChild([$"{job}-vs-duckdb", "--child", side, warehousePath, partition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), duckOutput,
                    duckThreads.ToString(CultureInfo.InvariantCulture)]);
                results.Add(result);
                Console.WriteLine($"run {i + 1} {result.Side,-11}: {result.WallSeconds,7:F2} s wall, {result.CpuSeconds,7:F2} s CPU ({result.SystemCpuSeconds:F2} s in the kernel), peak RSS {result.PeakRssMb,6:F0} MB, {result.MinorFaults:N0} page faults, {result.Rows:N0} rows  (load {LoadAverage()}){(result.Detail is null ? "" : "  " + result.Detail)}");
            }
        }

        RunResult[] ours = [.. results.Where(r => r.Side == Ours)];
        RunResult[] duck = [.. results.Where(r => r.Side == Duck)];
        double oursWall = Median(ours.Select(r => r.WallSeconds)), duckWall = Median(duck.Select(r => r.WallSeconds));
        Console.WriteLine();
        Console.WriteLine($"median wall: {job} stage {oursWall:F2} s, DuckDB ({duckThreads} thread{(duckThreads == 1 ? "" : "s")}) {duckWall:F2} s -> DuckDB / ours = {duckWall / oursWall:F2}x");
        // Each round's two runs sit side by side in time, so their ratio is the one least moved by the machine's drift.
        double[] roundRatios = [.. Enumerable.Range(0, runs).Select(i => duck[i].WallSeconds / ours[i].WallSeconds)];
        Console.WriteLine($"per round:   DuckDB / ours median {Median(roundRatios):F2}x (range {roundRatios.Min():F2}-{roundRatios.Max():F2}x)");
        Console.WriteLine($"median CPU:  {job} stage {Median(ours.Select(r => r.CpuSeconds)):F2} s, DuckDB {Median(duck.Select(r => r.CpuSeconds)):F2} s");
        Console.WriteLine($"median peak RSS: {job} stage {Median(ours.Select(r => r.PeakRssMb)):F0} MB, DuckDB {Median(duck.Select(r => r.PeakRssMb)):F0} MB");
        ReportFirstTouches(ours, duck, oursWall, duckWall);

        if (job == Transformed && args.Contains("--probe"))
            RunChild(["transformed-vs-duckdb", "--probe-child", warehousePath, partition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], expectResult: false);

        string oursDirectory = Path.Combine(warehousePath, "stellantis", OutputTable(job), $"partition_date={partition:yyyy-MM-dd}");
        return Verify(job, oursDirectory, duckOutput) ? 0 : 1;
    }

    private static string OutputTable(string job) => job == Transformed ? "transformed_vehicles_from_inventory" : "consolidated_vehicles";

    /// <summary>The partitions a job reads: the raw one, or the day's transformed one and the consolidated history (if any).</summary>
    private static IReadOnlyList<(string Table, DateOnly Date)> Inputs(string job, string warehouse, DateOnly date)
    {
        if (job == Transformed) return [("raw_inventory", date)];
        if (job != Consolidated) throw new ArgumentException($"No job '{job}'.", nameof(job));
        return DuckDbConsolidate.HistoryDate(warehouse, date) is { } history
            ? [("transformed_vehicles_from_inventory", date), ("consolidated_vehicles", history)]
            : [("transformed_vehicles_from_inventory", date)];
    }

    private static int Child(string job, string side, string warehouse, DateOnly date, string output, int duckThreads)
    {
        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        TimeSpan systemBefore = process.PrivilegedProcessorTime;
        long? faultsBefore = ProcessMemory.MinorPageFaults(Environment.ProcessId);
        long started = Stopwatch.GetTimestamp();
        long rows;
        long wallEnd = 0;
        long? faultsAfter = null;
        TimeSpan systemAfter = TimeSpan.Zero;
        string? detail = null;
        if (side == Ours)
        {
            (rows, double seconds, double cpuSeconds, double peakRssMb, detail, long? faults, double systemSeconds) = RunIngestStage(job, warehouse, date);
            var stage = new RunResult(side, seconds, cpuSeconds, peakRssMb, rows, detail, faults, systemSeconds);
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(stage));
            return 0;
        }
        else
        {
            File.Delete(output);
            IReadOnlyList<IReadOnlyList<string>> inputs = [.. Inputs(job, warehouse, date).Select(i => DuckDbTransform.PartitionFiles(warehouse, "stellantis", i.Table, i.Date))];
            using DuckDbJob duck = job == Transformed ? new DuckDbTransform(duckThreads) : new DuckDbConsolidate(duckThreads);
            if (duck is DuckDbTransform transform) transform.Copy(inputs[0], output);
            else ((DuckDbConsolidate)duck).Copy(inputs[0], inputs.Count > 1 ? inputs[1] : [], date, output);
            wallEnd = Stopwatch.GetTimestamp();
            faultsAfter = ProcessMemory.MinorPageFaults(Environment.ProcessId);
            process.Refresh();
            systemAfter = process.PrivilegedProcessorTime;
            rows = duck.ParquetRows(output); // after the clock: the footer's row count
        }
        double wall = Stopwatch.GetElapsedTime(started, wallEnd == 0 ? Stopwatch.GetTimestamp() : wallEnd).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var result = new RunResult(side, wall, cpu, ProcessMemory.PeakRssMbOfThisProcess(), rows, detail,
            faultsAfter - faultsBefore, (systemAfter - systemBefore).TotalSeconds);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>
    /// Runs <c>ingest stage … &lt;job&gt;_vehicles</c> (the runner built in Release next to this repository) and reads its
    /// report: rows out, the stage's own time, its peak RSS and its phases, with the process's CPU time (start-up included).
    /// </summary>
    private static (long Rows, double Seconds, double CpuSeconds, double PeakRssMb, string Detail, long? MinorFaults, double SystemCpuSeconds) RunIngestStage(string job, string warehouse, DateOnly date)
    {
        string ingest = IngestExecutable();
        string report = Path.Combine(Path.GetTempPath(), $"ingest-tvd-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo { FileName = "dotnet", UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string argument in new[] { ingest, "stage", "stellantis_jeep_inventory", $"{job}_vehicles", "--date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--warehouse", warehouse, "--report", report })
            start.ArgumentList.Add(argument);
        using Process child = Process.Start(start)!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"ingest stage failed (exit {child.ExitCode})");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(report));
        File.Delete(report);
        JsonElement root = json.RootElement;
        string phases = string.Join(", ", root.GetProperty("phases").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetDouble():F2} s"));
        long? faults = root.TryGetProperty("minor_page_faults", out JsonElement f) && f.ValueKind == JsonValueKind.Number ? f.GetInt64() : null;
        return (root.GetProperty("rows_out").GetInt64(), root.GetProperty("seconds").GetDouble(), root.GetProperty("cpu_seconds").GetDouble(),
            root.GetProperty("peak_rss_mb").GetDouble(), phases, faults, root.GetProperty("system_cpu_seconds").GetDouble());
    }

    private static string IngestExecutable()
    {
        if (Environment.GetEnvironmentVariable(RunnerVariable) is { Length: > 0 } chosen)
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException($"--runner {chosen} does not exist.");
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "Ingest.sln"))) continue;
            string path = Path.Combine(directory.FullName, "src", "Runner", "bin", "Release", "net10.0", "ingest.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; build the runner first: dotnet build src/Runner -c Release");
        }
        throw new DirectoryNotFoundException("The repository (Ingest.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static int ProbeChild(string warehouse, DateOnly date)
    {
        IReadOnlyList<string> files = DuckDbTransform.PartitionFiles(warehouse, "stellantis", "raw_inventory", date);
        using (var duck = new DuckDbTransform(threads: 1))
        {
            Console.WriteLine("DuckDB probe (1 thread; each step includes the ones before it):");
            foreach ((string step, TimeSpan elapsed, string value) in duck.Probe(files))
                Console.WriteLine($"  {step,-56} {elapsed.TotalSeconds,7:F2} s  -> {value}");
        }

        Console.WriteLine("transformed stage probe (each step includes the ones before it; the full stage adds _snapshot, keys and the Parquet write):");
        Table raw = new TableStore(warehouse).OpenTable("stellantis", "raw_inventory");
        foreach (bool extract in new[] { false, true })
        {
            long started = Stopwatch.GetTimestamp();
            long bytes = 0, records = 0;
            EntityExtractor extractor = StellantisVehicle.CreateExtractor();
            foreach (RecordBatch batch in raw.ReadPartitionAsync(date).ToBlockingEnumerable())
            {
                using (batch)
                {
                    var outcome = (StringArray)batch.Column(batch.Schema.GetFieldIndex(RawTier.Outcome));
                    var body = (BinaryArray)batch.Column(batch.Schema.GetFieldIndex(RawTier.Body));
                    for (int row = 0; row < batch.Length; row++)
                    {
                        if (outcome.GetString(row) != "fetched") continue;
                        ReadOnlySpan<byte> page = body.GetBytes(row);
                        bytes += page.Length;
                        if (!extract) continue;
                        records += extractor.AppendPage(page);
                        if (extractor.HasFullBatch) extractor.TakeBatch().Dispose();
                    }
                }
            }
            if (extract) extractor.TakeBatch().Dispose();
            string step = extract ? "+ generated extractor (batches disposed): records" : "Table.ReadPartitionAsync (parquet-cpp): body bytes";
            Console.WriteLine($"  {step,-56} {Stopwatch.GetElapsedTime(started).TotalSeconds,7:F2} s  -> {(extract ? records : bytes)}");
        }
        return 0;
    }

    /// <summary>
    /// Same rows (count and VIN set) and the same values, joined on VIN: a handful of the entity's columns, and for the
    /// consolidated stage the snapshot and the history columns.
    /// </summary>
    private static bool Verify(string job, string oursDirectory, string duckOutput)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string ours = $"read_parquet('{oursDirectory.Replace("'", "''", StringComparison.Ordinal)}/*.parquet', hive_partitioning = false)";
        string duck = $"read_parquet('{duckOutput.Replace("'", "''", StringComparison.Ordinal)}')";
        long oursRows = Scalar(connection, $"SELECT count(*) FROM {ours}");
        long duckRows = Scalar(connection, $"SELECT count(*) FROM {duck}");
        long oursDistinct = Scalar(connection, $"SELECT count(DISTINCT vin) FROM {ours}");
        long joined = Scalar(connection, $"SELECT count(*) FROM {ours} o JOIN {duck} d USING (vin)");
        Console.WriteLine();
        Console.WriteLine($"check: rows {job} {oursRows:N0} ({oursDistinct:N0} distinct VINs), DuckDB {duckRows:N0}, joined on VIN {joined:N0}");
        bool ok = oursRows == duckRows && joined == oursRows && oursDistinct == oursRows;
        string[] columns = job == Transformed
            ?
            [
                "model_year", "dealer_zip_code", "latitude", "msrp", "net_price", "drive", "doors", "fuel_capacity",
                "in_transit", "city_mpg", "towing_capacity", "wheelbase", "date_in_stock", "estimated_delivery_date",
                "is_demo", "ccode_model", "dealer_zip5", "exterior_image_url", "options",
            ]
            : ["_snapshot", "first_seen", "last_seen", "last_changed", "is_active", "msrp", "dealer_notes", "options"];
        foreach (string column in columns)
        {
            // last_updated etc. differ in type between the two files; these compare as typed values.
            long differ = Scalar(connection, $"SELECT count(*) FROM {ours} o JOIN {duck} d USING (vin) WHERE o.{column} IS DISTINCT FROM d.{column}");
            long nonNull = Scalar(connection, $"SELECT count({column}) FROM {ours}");
            Console.WriteLine($"check: {column,-24} {nonNull,9:N0} non-null, {differ:N0} differ");
            ok &= differ == 0;
        }
        if (job == Transformed)
        {
            long timestamps = Scalar(connection, $"SELECT count(*) FROM {ours} o JOIN {duck} d USING (vin) WHERE CAST(o.last_updated AS TIMESTAMPTZ) IS DISTINCT FROM d.last_updated");
            Console.WriteLine($"check: {"last_updated",-24} {timestamps:N0} differ (as TIMESTAMPTZ)");
            ok &= timestamps == 0;
        }
        else
        {
            Console.WriteLine($"check: {Scalar(connection, $"SELECT count(*) FROM {ours} WHERE NOT is_active"):N0} inactive rows");
        }
        Console.WriteLine(ok ? "check: same rows and values" : "check: DIFFERENCES");
        return ok;
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static RunResult RunChild(string[] arguments, bool expectResult = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        string host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(StageVsDuckDb).Assembly.Location);
        start.FileName = host;
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process child = Process.Start(start)!;
        RunResult? result = null;
        while (child.StandardOutput.ReadLine() is string line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal)) result = JsonSerializer.Deserialize<RunResult>(line[ResultPrefix.Length..]);
            else Console.WriteLine(line);
        }
        child.WaitForExit();
        if (child.ExitCode != 0 || (expectResult && result is null)) throw new InvalidOperationException($"child {string.Join(' ', arguments)} failed (exit {child.ExitCode})");
        return result ?? new RunResult("", 0, 0, 0, 0, null);
    }

    /// <summary>
    /// What first touches of memory cost each side on this machine: the median page faults of each side's timed work
    /// times the cost of one fault measured here, and the ratio with that taken out. On some virtual machines a fault
    /// costs ten times what it does on bare metal, and the side with the larger footprint pays it.
    /// </summary>
    private static void ReportFirstTouches(RunResult[] ours, RunResult[] duck, double oursWall, double duckWall)
    {
        if (ours.Any(r => r.MinorFaults is null) || duck.Any(r => r.MinorFaults is null)) return;
        double oursFaults = Median(ours.Select(r => (double)r.MinorFaults!.Value)), duckFaults = Median(duck.Select(r => (double)r.MinorFaults!.Value));
        double microseconds = FirstTouchMicroseconds();
        double oursCost = oursFaults * microseconds / 1e6, duckCost = duckFaults * microseconds / 1e6;
        Console.WriteLine($"median kernel CPU: ingest {Median(ours.Select(r => r.SystemCpuSeconds)):F2} s, DuckDB {Median(duck.Select(r => r.SystemCpuSeconds)):F2} s");
        Console.WriteLine($"page faults: ingest {oursFaults:N0}, DuckDB {duckFaults:N0}; a first touch costs {microseconds:F1} us on this machine, "
            + $"so about {oursCost:F2} s and {duckCost:F2} s of the medians");
        Console.WriteLine($"  estimate with first touches free: DuckDB / ours = {(duckWall - duckCost) / (oursWall - oursCost):F2}x");
    }

    /// <summary>Touches fresh pages one byte each and times it: the cost of one minor page fault here, in microseconds (median of 5).</summary>
    private static double FirstTouchMicroseconds()
    {
        // 64 MiB, above the C library's largest mmap threshold (32 MiB): fresh pages from the kernel every round.
        const int pages = 16_384;
        const int pageBytes = 4096;
        var samples = new List<double>();
        for (int round = 0; round < 5; round++)
        {
            IntPtr memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(pages * pageBytes);
            try
            {
                long? before = ProcessMemory.MinorPageFaults(Environment.ProcessId);
                long started = Stopwatch.GetTimestamp();
                for (int page = 0; page < pages; page++) System.Runtime.InteropServices.Marshal.WriteByte(memory, page * pageBytes, 1);
                double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                long faults = Math.Max(1, (ProcessMemory.MinorPageFaults(Environment.ProcessId) - before) ?? pages);
                samples.Add(seconds * 1e6 / faults);
            }
            finally
            {
                System.Runtime.InteropServices.Marshal.FreeHGlobal(memory);
            }
        }
        return Median(samples);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        int index = System.Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <param name="MinorFaults">Minor page faults during the timed work (first touches of memory); null where the OS does not count them.</param>
    /// <param name="SystemCpuSeconds">CPU time in the kernel during the timed work.</param>
    private sealed record RunResult(string Side, double WallSeconds, double CpuSeconds, double PeakRssMb, long Rows, string? Detail,
        long? MinorFaults = null, double SystemCpuSeconds = 0);
}
