using System.Globalization;
using Ingest.Simulator;

namespace Ingest.Runner;

/// <summary>
/// The simulator the runner starts when no upstream is given. <c>INGEST_SIM_LATENCY_MS</c> adds latency to every page
/// (the seed's 300 ms, say), for runs that should feel like the real API; <c>INGEST_SIM_VEHICLES</c> sizes the
/// national inventory (250,000 by default), to measure how a stage scales with the data.
/// </summary>
public static class EmbeddedSimulator
{
    public static Task<SimulatorServer> StartAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var faults = FaultOptions.None;
        if (int.TryParse(Environment.GetEnvironmentVariable("INGEST_SIM_LATENCY_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int latency) && latency > 0)
            faults = faults with { Latency = TimeSpan.FromMilliseconds(latency) };
        var options = new SimulatorOptions { Date = date, Faults = faults };
        if (int.TryParse(Environment.GetEnvironmentVariable("INGEST_SIM_VEHICLES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int vehicles) && vehicles > 0)
            options = options with { VehicleCount = vehicles };
        return SimulatorServer.StartAsync(options, cancellationToken);
    }
}
