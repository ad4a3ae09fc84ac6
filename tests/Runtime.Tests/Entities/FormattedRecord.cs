using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>The lenient coercers: numbers as people write them, flags, and dates in several notations.</summary>
[Entity("formatted_records", Records = "items")]
public sealed partial class FormattedRecord
{
    [Coerce<FormattedNumber>]
    public int? Horsepower { get; init; }

    [Coerce<FormattedNumber>]
    public long? Miles { get; init; }

    [Coerce<FormattedNumber>]
    public double? Mpg { get; init; }

    [Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    [Coerce<Flag>]
    public bool? Certified { get; init; }

    [Coerce<FlexibleDate>]
    public DateOnly? Arrival { get; init; }

    [Coerce<FlexibleDate>]
    public DateTimeOffset? Seen { get; init; }
}
