namespace Ingest.Simulator;

/// <summary>An incentive program attached to a vehicle.</summary>
public sealed record SimulatedIncentive(string ProgramId, string Name, decimal Amount, DateOnly Expires);
