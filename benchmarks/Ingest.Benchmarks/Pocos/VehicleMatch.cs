namespace Ingest.Benchmarks.Pocos;

/// <summary><c>match</c>.</summary>
public sealed class VehicleMatch
{
    public string? MatchLevel { get; set; }
}
