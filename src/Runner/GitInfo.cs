using System.Diagnostics;

namespace Ingest.Runner;

/// <summary>The commit and branch the runner was run from, for manifests and bench summaries ("unknown" outside a checkout).</summary>
public static class GitInfo
{
    public static string Sha { get; } = Environment.GetEnvironmentVariable("INGEST_GIT_SHA") ?? Git("rev-parse HEAD") ?? "unknown";

    public static string Branch { get; } = Environment.GetEnvironmentVariable("INGEST_GIT_BRANCH") ?? Git("rev-parse --abbrev-ref HEAD") ?? "unknown";

    /// <summary>Makes the table store stamp manifests with <see cref="Sha"/> (it reads <c>INGEST_GIT_SHA</c>).</summary>
    public static void ExportForManifests()
    {
        if (Environment.GetEnvironmentVariable("INGEST_GIT_SHA") is null && Sha != "unknown")
            Environment.SetEnvironmentVariable("INGEST_GIT_SHA", Sha);
    }

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
