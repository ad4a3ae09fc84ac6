using System.Diagnostics;
using System.Text;

namespace Ingest.Runner.Tests;

/// <summary>
/// The built <c>ingest</c> executable, started as <c>dotnet ingest.dll ...</c> in a child process the way a user
/// starts it: the copy the project reference puts beside the tests, scenarios from the repository's
/// <c>benchmarks/configs</c>, and none of the caller's <c>INGEST_*</c> settings unless a test passes them.
/// </summary>
internal static class IngestExecutable
{
    /// <summary>Longer than any command here takes; a hang fails the test instead of the whole run.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static readonly string[] Inherited = ["INGEST_", "STAGE_TIMEOUT_S", "JOB_COMPLETION_INDEX", "DAGSTER_PIPES_"];

    public static string Dll { get; } = FindDll();

    /// <summary>The checkout the tests were built from (the folder with <c>Ingest.sln</c>).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ScenarioFolder => Path.Combine(RepositoryRoot, "benchmarks", "configs");

    /// <summary>Runs <c>ingest <paramref name="arguments"/></c> in <paramref name="workingDirectory"/> and waits for it to exit.</summary>
    public static Task<IngestResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunAppAsync(Dll, workingDirectory, environment, arguments);

    /// <summary>Runs another runner built on the same command line (a team's own, <c>tests/Runner.OwnRunner</c>) the same way.</summary>
    public static async Task<IngestResult> RunAppAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (string key in start.Environment.Keys.Where(k => Inherited.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            start.Environment.Remove(key);
        start.Environment["INGEST_SCENARIOS"] = ScenarioFolder;
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"`ingest {string.Join(' ', arguments)}` did not exit within {Limit.TotalSeconds:0} s.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }
        return new IngestResult(arguments, process.ExitCode, await stdout, await stderr);
    }

    public static Task<IngestResult> RunAsync(string workingDirectory, params string[] arguments) => RunAsync(workingDirectory, null, arguments);

    private static string FindDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ingest.dll");
        if (!File.Exists(dll) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "ingest.runtimeconfig.json")))
            throw new InvalidOperationException($"ingest.dll and ingest.runtimeconfig.json should be beside the tests in {AppContext.BaseDirectory}; build the test project (it references src/Runner).");
        return dll;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Ingest.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
