namespace Ingest.Simulator;

/// <summary>An interior: the fabric code the image renderer uses, the colour and the seat material.</summary>
internal sealed record InteriorOption(string Code, string ColorDesc, string Fabric);
