namespace Ingest.Simulator;

/// <summary>
/// What the simulator models and how it misbehaves. Defaults give the national Jeep inventory the design describes
/// (~250,000 vehicles, ~2,500 dealers) and no faults.
/// </summary>
public sealed record SimulatorOptions
{
    /// <summary>Keys every random decision: the same seed and date give the same bytes.</summary>
    public int Seed { get; init; } = 20251127;

    /// <summary>The inventory date served over HTTP (the partition date); null means today's UTC date.</summary>
    public DateOnly? Date { get; init; }

    public int VehicleCount { get; init; } = 250_000;

    public int DealerCount { get; init; } = 2_500;

    public int MercedesVehicleCount { get; init; } = 10_000;

    public int MercedesDealerCount { get; init; } = 300;

    public FaultOptions Faults { get; init; } = FaultOptions.None;

    public DateOnly EffectiveDate => Date ?? DateOnly.FromDateTime(DateTime.UtcNow);
}
