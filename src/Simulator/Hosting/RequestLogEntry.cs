namespace Ingest.Simulator;

/// <summary>One request the server answered: what was asked, which attempt of that URL it was, and what the server did.</summary>
public sealed record RequestLogEntry(long Sequence, string Path, string Query, int Attempt, FaultKind Fault, TimeSpan Delay, int StatusCode);
