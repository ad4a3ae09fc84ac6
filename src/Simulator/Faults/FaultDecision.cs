namespace Ingest.Simulator;

/// <summary>What the server does to one response: a delay, at most one fault, and the fault's parameters.</summary>
public readonly record struct FaultDecision(FaultKind Kind, TimeSpan Delay, SchemaDriftKind Drift, ulong Entropy)
{
    public static FaultDecision Clean { get; } = new(FaultKind.None, TimeSpan.Zero, SchemaDriftKind.None, 0);
}
