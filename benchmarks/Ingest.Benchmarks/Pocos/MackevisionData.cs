namespace Ingest.Benchmarks.Pocos;

/// <summary><c>mackevisionData</c>: the configurator's family and package codes.</summary>
public sealed class MackevisionData
{
    public string? ConsumerFamily { get; set; }

    public string? Ulp { get; set; }

    public string? Llp { get; set; }
}
