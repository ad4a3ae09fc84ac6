using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>Lists of booleans, dates and timestamps, plain and coerced, read whole or projected.</summary>
[Entity("typed_lists", Records = "items")]
public sealed partial class TypedListRecord
{
    public string? Name { get; init; }

    public bool[]? Flags { get; init; }

    [Coerce<Flag>]
    public List<bool>? YesNo { get; init; }

    public DateOnly[]? Days { get; init; }

    [Coerce<FlexibleDate>]
    public IReadOnlyList<DateOnly>? UsDays { get; init; }

    public DateTimeOffset[]? Stamps { get; init; }

    [Path("events[*].at")]
    public DateTimeOffset[]? EventTimes { get; init; }
}
