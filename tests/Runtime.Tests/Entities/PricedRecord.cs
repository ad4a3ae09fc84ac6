using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>Decimal columns of a narrow and of the widest precision.</summary>
[Entity("priced_records", Records = "items")]
public sealed partial class PricedRecord
{
    [Decimal(5, 2), Coerce<FormattedNumber>]
    public decimal? Small { get; init; }

    [Decimal(38, 10)]
    public decimal? Wide { get; init; }
}
