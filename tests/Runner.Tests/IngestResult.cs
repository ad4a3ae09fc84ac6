namespace Ingest.Runner.Tests;

/// <summary>How an <c>ingest</c> invocation ended; its text goes into assertion messages so a failure shows why.</summary>
internal sealed record IngestResult(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int WatchdogKill = 3;

    /// <summary>Fails with the command's output unless it exited with <paramref name="expected"/>.</summary>
    public IngestResult ExitsWith(int expected)
    {
        Assert.True(ExitCode == expected, $"`ingest {string.Join(' ', Arguments)}` exited {ExitCode}, expected {expected}.\n{this}");
        return this;
    }

    public override string ToString() => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";
}
