using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>A default on every column type that takes one.</summary>
[Entity("defaulted_records", Records = "items")]
public sealed partial class DefaultedRecord
{
    public string? Id { get; init; }

    [Default("N/A")]
    public string? Status { get; init; }

    [Default(4)]
    public int? Doors { get; init; }

    [Default(100000L)]
    public long? Warranty { get; init; }

    [Default(1.5)]
    public double? Factor { get; init; }

    [Default("9.99")]
    public decimal? Fee { get; init; }

    [Default(true), Coerce<Flag>]
    public bool? Available { get; init; }

    [Default("2025-01-31")]
    public DateOnly? Since { get; init; }

    [Default("2025-01-31T12:00:00Z")]
    public DateTimeOffset? Checked { get; init; }
}
