namespace Ingest.Runner;

/// <summary>What <c>ingest</c> exits with; scripts and the benchmark harness rely on these.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed: an upstream that would not answer, a stage that threw, a regression in compare.</summary>
    public const int Failure = 1;

    /// <summary>The command line or a scenario file is wrong; the message says what to change.</summary>
    public const int Usage = 2;

    /// <summary>A stage outlived <c>STAGE_TIMEOUT_S</c> and the watchdog killed it.</summary>
    public const int WatchdogKill = 3;
}
