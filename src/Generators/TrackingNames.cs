namespace Ingest.Generators;

/// <summary>Names of the pipeline steps, so tests can assert each one is cached.</summary>
public static class TrackingNames
{
    public const string ParseResults = nameof(ParseResults);
    public const string EntitySpecs = nameof(EntitySpecs);
    public const string Diagnostics = nameof(Diagnostics);
}
