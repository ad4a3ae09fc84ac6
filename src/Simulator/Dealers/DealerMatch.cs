namespace Ingest.Simulator;

/// <summary>A dealer found by the locator and its distance in miles from the searched zip.</summary>
public sealed record DealerMatch(SimulatedDealer Dealer, double Distance);
