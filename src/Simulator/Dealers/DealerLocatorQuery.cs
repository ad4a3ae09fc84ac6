namespace Ingest.Simulator;

/// <summary>A dealer locator search: <c>zipCode</c>, <c>radius</c> (miles), <c>brandCode</c>, <c>resultsPerPage</c>, <c>resultsPage</c> (1-based).</summary>
public sealed record DealerLocatorQuery(string ZipCode, int Radius = 150, string BrandCode = "J", int ResultsPerPage = 999, int ResultsPage = 1);
