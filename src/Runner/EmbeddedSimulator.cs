using System.Globalization;
using Ingest.Simulator;

namespace Ingest.Runner;

/// <summary>
/// The simulator the runner starts when no upstream is given. <c>INGEST_SIM_LATENCY_MS</c> adds latency to every page
/// (the seed's 300 ms, say), for runs that should feel like the real API.
/// </summary>
public static class EmbeddedSimulator
{
    public static Task<SimulatorServer> StartAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var faults = FaultOptions.None;
        if (int.TryParse(Environment.GetEnvironmentVariable("INGEST_SIM_LATENCY_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int latency) && latency > 0)
            faults = faults with { Latency = TimeSpan.FromMilliseconds(latency) };
        return SimulatorServer.StartAsync(new SimulatorOptions { Date = date, Faults = faults }, cancellationToken);
    }
}
