namespace Ingest.Simulator;

/// <summary>A Mercedes-Benz dealer: the id its records carry and where it is.</summary>
internal sealed record MercedesDealer(string DealerId, GeoPoint Location);
