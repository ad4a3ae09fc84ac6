using System.Diagnostics;

namespace Ingest.Runner;

/// <summary>The commit and branch the runner was run from, for manifests and bench summaries ("unknown" outside a checkout).</summary>
public static class GitInfo
{
    // One git process answers both (its output: the SHA's line, then the branch's), and none when both are given.
    private static readonly Lazy<string[]> HeadAndBranch = new(() => Git("rev-parse HEAD --abbrev-ref HEAD")?.Split('\n', StringSplitOptions.TrimEntries) ?? []);

    public static string Sha { get; } = Environment.GetEnvironmentVariable("INGEST_GIT_SHA") ?? FromGit(0);

    public static string Branch { get; } = Environment.GetEnvironmentVariable("INGEST_GIT_BRANCH") ?? FromGit(1);

    /// <summary>Makes the table store stamp manifests with <see cref="Sha"/> (it reads <c>INGEST_GIT_SHA</c>).</summary>
    public static void ExportForManifests()
    {
        if (Environment.GetEnvironmentVariable("INGEST_GIT_SHA") is null && Sha != "unknown")
            Environment.SetEnvironmentVariable("INGEST_GIT_SHA", Sha);
    }

    private static string FromGit(int line) => HeadAndBranch.Value is { Length: 2 } lines && lines[line].Length > 0 ? lines[line] : "unknown";

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using Process? git = Process.Start(start);
            if (git is null) return null;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
