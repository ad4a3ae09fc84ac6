namespace Ingest.Simulator;

/// <summary>A transmission a model line offers.</summary>
internal sealed record TransmissionOption(string Code, string Description);
