namespace Ingest.Runtime.Tests.Entities;

/// <summary>One property of every column type, all with the Plain coercion.</summary>
[Entity("typed_records", Records = "items")]
public sealed partial class TypedRecord
{
    public string? Name { get; init; }

    public int? Count { get; init; }

    public long? Total { get; init; }

    public double? Ratio { get; init; }

    public decimal? Price { get; init; }

    public bool? Active { get; init; }

    public DateOnly? Day { get; init; }

    public DateTimeOffset? At { get; init; }

    public string[]? Tags { get; init; }

    public List<int>? Scores { get; init; }

    public List<long>? Counters { get; init; }

    public List<double>? Weights { get; init; }

    public List<decimal>? Amounts { get; init; }
}
