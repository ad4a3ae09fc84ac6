using Ingest.Transforms;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>Every built-in transform over string inputs.</summary>
[Entity("derived_records", Records = "items")]
public sealed partial class DerivedRecord
{
    public string? Ccode { get; init; }

    public string? Zip { get; init; }

    public string? Image { get; init; }

    public string? Title { get; init; }

    [Transform<Substring>(nameof(Ccode), "0,9")]
    public string? YearCode { get; init; }

    [Transform<Substring>(nameof(Ccode), "9")]
    public string? ModelCode { get; init; }

    [Transform<Zip5>(nameof(Zip))]
    public string? Zip5 { get; init; }

    [Transform<UrlTemplate>(nameof(Image), "https://img.example/iris?{0}&pov=front")]
    public string? ImageUrl { get; init; }

    [Transform<StripPrefix>(nameof(Title), "Jeep ")]
    public string? Model { get; init; }
}
