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
/// A stage as users run it (the built <c>ingest</c> executable, <c>ingest stage &lt;scenario&gt; &lt;stage&gt;</c>,
/// with the runner's runtime settings: <c>src/Runner/Ingest.Runner.csproj</c>) against DuckDB doing the same job with
/// one thread, over the same committed input, alternating, each in a process of its own so its peak RSS
/// (<c>VmHWM</c>) is its own. Times are each side's own clock around the work (the stage's report; DuckDB's
/// connection, query and COPY), not process start-up. Prints every run, the medians and the ratio, then checks that
/// both outputs have the same rows and values. The jobs are <see cref="StageJob"/>s:
/// <list type="bullet">
/// <item><c>transformed-vs-duckdb &lt;warehouse&gt; [--date yyyy-MM-dd] [--runs n] [--out dir] [--probe] [--duckdb-threads n]</c>:
/// the transformed stage against <see cref="DuckDbTransform"/> over a raw partition; <c>--probe</c> also times
/// DuckDB's pipeline cut short at each step.</item>
/// <item><c>transformed-read-json-vs-duckdb</c>, same options: the transformed stage against
/// <see cref="DuckDbTransformReadJson"/>, DuckDB's <c>read_json</c> over the raw bodies exported as NDJSON.</item>
/// <item><c>consolidated-vs-duckdb &lt;warehouse&gt; [--date yyyy-MM-dd] [--runs n] [--out dir] [--duckdb-threads n]</c>:
/// the consolidated stage against <see cref="DuckDbConsolidate"/> over a transformed partition and the consolidated
/// partition before it.</item>
/// <item><c>merged-vs-duckdb &lt;warehouse&gt; [--date yyyy-MM-dd] [--runs n] [--out dir] [--duckdb-threads n]</c>:
/// the consolidated stage of <c>stellantis_jeep_dealer_feed_fast</c> (the inventory and the dealer feed merged per
/// VIN) against <see cref="DuckDbMerge"/> over the two transformed partitions and the merged partition before them.</item>
/// </list>
/// <c>--also-stage &lt;scenario&gt;:&lt;stage&gt;</c> runs another stage over the same warehouse in every round as a third
/// side (the single-source consolidated stage, to see what the merge costs: <c>stellantis_jeep_inventory:consolidated_vehicles</c>).
/// </summary>
public static class StageVsDuckDb
{
    private const string Ours = "ingest";
    private const string Duck = "duckdb";
    private const string ResultPrefix = "RESULT ";
    private const string RunnerVariable = "INGEST_TVD_RUNNER";

    public static int Run(StageJob job, string[] args)
    {
        if (args is ["--child", string warehouse, string date, string output, string childThreads])
            return DuckDbChild(job, warehouse, DateOnly.Parse(date, CultureInfo.InvariantCulture), output, int.Parse(childThreads, CultureInfo.InvariantCulture));
        if (args is ["--probe-child", string probeWarehouse, string probeDate]) return ProbeChild(probeWarehouse, DateOnly.Parse(probeDate, CultureInfo.InvariantCulture));
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine($"usage: {job.Name}-vs-duckdb <warehouse> [--date yyyy-MM-dd] [--runs n] [--out dir] [--probe] [--duckdb-threads n] [--runner path/to/ingest.dll] [--also-stage scenario:stage]");
            return 2;
        }
        string warehousePath = Path.GetFullPath(args[0]);
        DateOnly partition = DateOnly.Parse(Option(args, "--date") ?? "2026-11-27", CultureInfo.InvariantCulture);
        string day = partition.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        // DuckDB's threads; the stage runs on one. More than one is not the same-thread-count comparison: it shows
        // how far DuckDB gets with the machine's other core.
        int duckThreads = int.Parse(Option(args, "--duckdb-threads") ?? "1", CultureInfo.InvariantCulture);
        // Another build of the runner (a ReadyToRun publish, say); the child processes inherit the choice.
        if (Option(args, "--runner") is { } runner) Environment.SetEnvironmentVariable(RunnerVariable, Path.GetFullPath(runner));
        string outDir = Path.GetFullPath(Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "ingest-tvd-duckdb"));
        Directory.CreateDirectory(outDir);
        string duckOutput = Path.Combine(outDir, "part.parquet");
        string? alsoStage = Option(args, "--also-stage");
        if (alsoStage is not null && alsoStage.Split(':') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            Console.Error.WriteLine($"--also-stage {alsoStage}: expected <scenario>:<stage>, e.g. stellantis_jeep_inventory:consolidated_vehicles");
            return 2;
        }

        foreach ((string table, DateOnly inputDate) in job.Inputs(warehousePath, partition))
        {
            IReadOnlyList<string> files = DuckDbTransform.PartitionFiles(warehousePath, "stellantis", table, inputDate);
            Console.WriteLine($"input: {warehousePath}/stellantis/{table}/partition_date={inputDate:yyyy-MM-dd}, {files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1e6:F1} MB");
        }
        if (job == StageJob.TransformedReadJson)
        {
            string bodies = DuckDbTransformReadJson.BodiesFile(duckOutput, partition);
            long bytes = DuckDbTransformReadJson.ExportBodies(warehousePath, partition, bodies);
            Console.WriteLine($"read_json input: {bodies}, {bytes / 1e6:F1} MB of NDJSON (the fetched bodies, exported before the runs, not timed)");
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {LoadAverage()}");

        // Each side in its own process; the runner's stages report their own figures.
        var sides = new List<(string Side, Func<RunResult> Run)>
        {
            (Ours, () => RunIngestStage(Ours, job.Scenario, job.Stage, warehousePath, day)),
            (Duck, () => RunChild([$"{job.Name}-vs-duckdb", "--child", warehousePath, day, duckOutput, duckThreads.ToString(CultureInfo.InvariantCulture)])),
        };
        if (alsoStage?.Split(':') is [string alsoScenario, string alsoName]) sides.Add((alsoStage, () => RunIngestStage(alsoStage, alsoScenario, alsoName, warehousePath, day)));
        var results = new List<RunResult>();
        for (int i = 0; i < runs; i++)
        {
            // Rotate which side goes first so none always runs on a warmer page cache (two sides: they alternate).
            for (int k = 0; k < sides.Count; k++)
            {
                RunResult result = sides[(i + k) % sides.Count].Run();
                results.Add(result);
                Console.WriteLine($"run {i + 1} {result.Side,-11}: {result.WallSeconds,7:F2} s wall, {result.CpuSeconds,7:F2} s CPU ({result.SystemCpuSeconds:F2} s in the kernel), peak RSS {result.PeakRssMb,6:F0} MB, {result.MinorFaults:N0} page faults, {result.Rows:N0} rows  (load {LoadAverage()}){(result.Detail is null ? "" : "  " + result.Detail)}");
            }
        }

        RunResult[] ours = [.. results.Where(r => r.Side == Ours)];
        RunResult[] duck = [.. results.Where(r => r.Side == Duck)];
        double oursWall = Median(ours.Select(r => r.WallSeconds)), duckWall = Median(duck.Select(r => r.WallSeconds));
        Console.WriteLine();
        Console.WriteLine($"median wall: {job.Name} stage {oursWall:F2} s ({Range(ours, r => r.WallSeconds, "F2")}), DuckDB ({duckThreads} thread{(duckThreads == 1 ? "" : "s")}) {duckWall:F2} s ({Range(duck, r => r.WallSeconds, "F2")}) -> DuckDB / ours = {duckWall / oursWall:F2}x");
        // Each round's runs sit side by side in time, so their ratio is the one least moved by the machine's drift.
        double[] roundRatios = [.. Enumerable.Range(0, runs).Select(i => duck[i].WallSeconds / ours[i].WallSeconds)];
        Console.WriteLine($"per round:   DuckDB / ours median {Median(roundRatios):F2}x (range {roundRatios.Min():F2}-{roundRatios.Max():F2}x)");
        Console.WriteLine($"median CPU:  {job.Name} stage {Median(ours.Select(r => r.CpuSeconds)):F2} s, DuckDB {Median(duck.Select(r => r.CpuSeconds)):F2} s");
        Console.WriteLine($"median peak RSS: {job.Name} stage {Median(ours.Select(r => r.PeakRssMb)):F0} MB ({Range(ours, r => r.PeakRssMb, "F0")}), DuckDB {Median(duck.Select(r => r.PeakRssMb)):F0} MB ({Range(duck, r => r.PeakRssMb, "F0")})");
        if (alsoStage is not null) ReportAlso(job, alsoStage, ours, [.. results.Where(r => r.Side == alsoStage)]);
        ReportFirstTouches(ours, duck, oursWall, duckWall);

        if (job == StageJob.Transformed && args.Contains("--probe"))
            RunChild(["transformed-vs-duckdb", "--probe-child", warehousePath, day], expectResult: false);

        string oursDirectory = Path.Combine(warehousePath, "stellantis", job.OutputTable, $"partition_date={day}");
        bool same = Verify(job, oursDirectory, duckOutput);
        // The exported bodies are as large as the raw partition's JSON (527 MB nationally): not left behind.
        if (job == StageJob.TransformedReadJson) File.Delete(DuckDbTransformReadJson.BodiesFile(duckOutput, partition));
        return same ? 0 : 1;
    }

    /// <summary>The third side against ours, round by round: what the job costs over the other stage, in time and memory.</summary>
    private static void ReportAlso(StageJob job, string label, RunResult[] ours, RunResult[] also)
    {
        double oursWall = Median(ours.Select(r => r.WallSeconds)), alsoWall = Median(also.Select(r => r.WallSeconds));
        double[] roundRatios = [.. Enumerable.Range(0, ours.Length).Select(i => ours[i].WallSeconds / also[i].WallSeconds)];
        Console.WriteLine($"{label}: median wall {alsoWall:F2} s ({Range(also, r => r.WallSeconds, "F2")}), CPU {Median(also.Select(r => r.CpuSeconds)):F2} s, "
            + $"peak RSS {Median(also.Select(r => r.PeakRssMb)):F0} MB ({Range(also, r => r.PeakRssMb, "F0")}), {also[0].Rows:N0} rows");
        Console.WriteLine($"  {job.Name} stage / it: {oursWall / alsoWall:F2}x by the medians, per round median {Median(roundRatios):F2}x (range {roundRatios.Min():F2}-{roundRatios.Max():F2}x); "
            + $"peak RSS {Median(ours.Select(r => r.PeakRssMb)) - Median(also.Select(r => r.PeakRssMb)):+0;-0} MB");
    }

    private static string Range(IEnumerable<RunResult> results, Func<RunResult, double> value, string format) =>
        $"{results.Min(value).ToString(format, CultureInfo.InvariantCulture)}-{results.Max(value).ToString(format, CultureInfo.InvariantCulture)}";

    /// <summary>DuckDB's side, in a process of its own: the job's COPY over the same committed files, on its own clock.</summary>
    private static int DuckDbChild(StageJob job, string warehouse, DateOnly date, string output, int duckThreads)
    {
        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        TimeSpan systemBefore = process.PrivilegedProcessorTime;
        long? faultsBefore = ProcessMemory.MinorPageFaults(Environment.ProcessId);
        long started = Stopwatch.GetTimestamp();
        File.Delete(output);
        IReadOnlyList<IReadOnlyList<string>> dayFiles = job.DayFiles(warehouse, date);
        IReadOnlyList<string> historyFiles = job.HistoryFiles(warehouse, date);
        using DuckDbJob duck = job.CreateDuckDb(duckThreads);
        duck.Copy(dayFiles, historyFiles, date, output);
        long wallEnd = Stopwatch.GetTimestamp();
        long? faultsAfter = ProcessMemory.MinorPageFaults(Environment.ProcessId);
        process.Refresh();
        TimeSpan systemAfter = process.PrivilegedProcessorTime;
        long rows = duck.ParquetRows(output); // after the clock: the footer's row count
        double wall = Stopwatch.GetElapsedTime(started, wallEnd).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var result = new RunResult(Duck, wall, cpu, ProcessMemory.PeakRssMbOfThisProcess(), rows, null,
            faultsAfter - faultsBefore, (systemAfter - systemBefore).TotalSeconds);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>
    /// Runs <c>ingest stage &lt;scenario&gt; &lt;stage&gt;</c> (the runner built in Release next to this repository) and reads its
    /// report: rows out, the stage's own time, its peak RSS and its phases, with the process's CPU time (start-up included).
    /// </summary>
    private static RunResult RunIngestStage(string side, string scenario, string stage, string warehouse, string date)
    {
        string ingest = IngestExecutable();
        string report = Path.Combine(Path.GetTempPath(), $"ingest-tvd-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo { FileName = "dotnet", UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string argument in new[] { ingest, "stage", scenario, stage, "--date", date, "--warehouse", warehouse, "--report", report })
            start.ArgumentList.Add(argument);
        using Process child = Process.Start(start)!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"ingest stage {scenario} {stage} failed (exit {child.ExitCode})");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(report));
        File.Delete(report);
        JsonElement root = json.RootElement;
        string phases = string.Join(", ", root.GetProperty("phases").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetDouble():F2} s"));
        long? faults = root.TryGetProperty("minor_page_faults", out JsonElement f) && f.ValueKind == JsonValueKind.Number ? f.GetInt64() : null;
        return new RunResult(side, root.GetProperty("seconds").GetDouble(), root.GetProperty("cpu_seconds").GetDouble(), root.GetProperty("peak_rss_mb").GetDouble(),
            root.GetProperty("rows_out").GetInt64(), phases, faults, root.GetProperty("system_cpu_seconds").GetDouble());
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
    /// Same rows (count and VIN set) and the same values, joined on VIN: the job's <see cref="StageJob.CheckedColumns"/>
    /// (all in one pass over the join), and for the transformed stage <c>last_updated</c> as a timestamp.
    /// </summary>
    private static bool Verify(StageJob job, string oursDirectory, string duckOutput)
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
        Console.WriteLine($"check: rows {job.Name} {oursRows:N0} ({oursDistinct:N0} distinct VINs), DuckDB {duckRows:N0}, joined on VIN {joined:N0}");
        bool ok = oursRows == duckRows && joined == oursRows && oursDistinct == oursRows;
        IReadOnlyList<string> columns = job.CheckedColumns ?? [.. Strings(connection, $"SELECT column_name FROM (DESCRIBE SELECT * FROM {ours})")
            .Where(c => c is not ("vin" or Hashing.SnapshotHasher.ColumnName))];
        // Typed values compared (last_updated differs in type between the transformed outputs: checked below).
        string counts = string.Join(", ", columns.Select(c => $"count(o.\"{c}\"), count_if(o.\"{c}\" IS DISTINCT FROM d.\"{c}\")"));
        using (DuckDBCommand command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {counts} FROM {ours} o JOIN {duck} d USING (vin)";
            using DuckDBDataReader reader = command.ExecuteReader();
            reader.Read();
            for (int c = 0; c < columns.Count; c++)
            {
                long nonNull = reader.GetInt64(2 * c), differ = reader.GetInt64(2 * c + 1);
                Console.WriteLine($"check: {columns[c],-24} {nonNull,9:N0} non-null, {differ:N0} differ");
                ok &= differ == 0;
            }
        }
        if (job == StageJob.Transformed || job == StageJob.TransformedReadJson)
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

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
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
