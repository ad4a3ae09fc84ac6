namespace Ingest.Simulator;

/// <summary>An exterior paint: code, marketing description and a display colour.</summary>
internal sealed record PaintColor(string Code, string Description, string Hex);
