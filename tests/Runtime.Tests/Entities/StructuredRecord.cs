using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>Struct columns: small nested records stored as one Arrow struct each.</summary>
[Entity("structured_records", Records = "items", Key = [nameof(Id)])]
public sealed partial class StructuredRecord
{
    public string? Id { get; init; }

    [Path("price")]
    public Money? Price { get; init; }

    [Path("departments.sales.hours.monday")]
    public DayHours? MondayHours { get; init; }

    public IReadOnlyList<Incentive>? Incentives { get; init; }

    // The same list projected and selected from as well: each reader gets the whole list.
    [Path("incentives[*].programId")]
    public string[]? ProgramIds { get; init; }

    [Path("incentives[programId=P2].amount"), Coerce<FormattedNumber>]
    public decimal? P2Amount { get; init; }

    // A scalar read from inside a struct's object as well: both see the same value.
    [Path("price.msrp"), Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }
}

[NestedRecord]
public sealed class Money
{
    [Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    [Alias("netPrice"), Coerce<FormattedNumber>]
    public decimal? Net { get; init; }

    [Default("USD")]
    public string? Currency { get; init; }

    public string[]? Notes { get; init; }

    [Path("incentives[name=Loyalty].amount")]
    public int? LoyaltyAmount { get; init; }
}

[NestedRecord]
public sealed class DayHours
{
    [Coerce<Flag>]
    public bool? Closed { get; init; }

    [Path("open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? OpenTime { get; init; }

    [Path("open.ampm"), Coerce<Upper>]
    public string? OpenAmPm { get; init; }

    public DateOnly? Since { get; init; }
}

[NestedRecord]
public sealed class Incentive
{
    public string? ProgramId { get; init; }

    [Coerce<FormattedNumber>]
    public decimal? Amount { get; init; }

    public DateOnly? Expires { get; init; }

    [Path("terms.months"), Default(36)]
    public int? Months { get; init; }

    [Path("regions[*].code")]
    public string[]? RegionCodes { get; init; }

    [Path("conditions[kind=lease].rate")]
    public double? LeaseRate { get; init; }
}
