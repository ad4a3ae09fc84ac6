namespace Ingest.Simulator;

/// <summary>A paint or upholstery: <c>{id, name, metaCode, price}</c>.</summary>
public sealed record MercedesColor(string Id, string Name, string MetaCode, decimal Price);
