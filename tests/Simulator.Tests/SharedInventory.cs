namespace Ingest.Simulator.Tests;

/// <summary>
/// One national-scale inventory shared by the tests that only read it (building the model and a day takes a
/// fraction of a second; doing it once keeps the suite fast).
/// </summary>
public sealed class SharedInventory
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static SimulatorOptions Options { get; } = new() { Date = Today };

    public InventoryPages Pages { get; } = new(Options);
}
