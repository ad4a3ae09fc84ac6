using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>Lists projected from lists of objects: a value from every element (<c>incentives[*].amount</c>).</summary>
[Entity("projected_records", Records = "items")]
public sealed partial class ProjectedRecord
{
    public string? Id { get; init; }

    [Path("incentives[*].programId")]
    public string[]? IncentiveIds { get; init; }

    [Path("incentives[*].amount"), Coerce<FormattedNumber>]
    public decimal[]? IncentiveAmounts { get; init; }

    [Path("incentives[*].amount")]
    public string[]? IncentiveAmountTexts { get; init; }

    [Path("incentives[name=Loyalty].amount"), Coerce<FormattedNumber>]
    public decimal? LoyaltyAmount { get; init; }

    [Path("dealer.addresses[*].zip")]
    public int[]? DealerZips { get; init; }
}
