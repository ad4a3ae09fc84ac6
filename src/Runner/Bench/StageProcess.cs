using System.Diagnostics;
using System.Text.Json;
using Ingest.Tiers;

namespace Ingest.Runner.Bench;

/// <summary>
/// Runs one stage in its own process and measures it from outside: wall time, and peak resident memory sampled
/// from the OS while it runs (and reported by the stage itself as it exits, so a late peak is not missed). A stage
/// that outlives its timeout is killed with its whole process tree and recorded as such.
/// </summary>
public static class StageProcess
{
    public sealed record Outcome(double WallSeconds, double PeakRssMb, int ExitCode, bool KilledByWatchdog, IReadOnlyDictionary<string, JsonElement>? Report);

    public static async Task<Outcome> RunAsync(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        string reportPath, TimeSpan timeout, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach ((string key, string value) in environment) start.Environment[key] = value;

        File.Delete(reportPath);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput?.Invoke(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        double peak = 0;
        bool killed = false;
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            while (!process.HasExited)
            {
                peak = Math.Max(peak, ProcessMemory.PeakRssMb(process.Id) ?? 0);
                await Task.Delay(TimeSpan.FromMilliseconds(100), linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            killed = deadline.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync(CancellationToken.None);
        watch.Stop();

        IReadOnlyDictionary<string, JsonElement>? report = null;
        if (File.Exists(reportPath))
        {
            report = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllBytes(reportPath));
            if (report is not null && report.TryGetValue("peak_rss_mb", out JsonElement selfReported) && selfReported.TryGetDouble(out double self))
                peak = Math.Max(peak, self);
        }
        return new Outcome(watch.Elapsed.TotalSeconds, Math.Round(peak, 1), killed ? ExitCodes.WatchdogKill : process.ExitCode, killed, report);
    }
}
