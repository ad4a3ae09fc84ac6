namespace Ingest.Simulator;

/// <summary>An <c>{id, name}</c> pair (fuel type, drive train).</summary>
public sealed record MercedesCode(string Id, string Name);
