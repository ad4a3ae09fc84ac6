namespace Ingest.Simulator;

/// <summary>
/// A real US metro area: its name, a real downtown zip code with that zip's centroid, and how many Jeep dealers it
/// gets relative to the others (a share of the national network, not of the population: Jeep sells well outside big cities).
/// </summary>
public sealed record MetroArea(string Name, string State, string Zip, GeoPoint Centroid, double DealerWeight, string Dma);
