using Ingest.Coercers;
using Ingest.Transforms;

namespace Ingest.Entities.Stellantis;

/// <summary>
/// A dealer of the Stellantis dealer locator (<c>/bdlws/MDLSDealerLocator</c>, body <c>{"status":200,"dealer":[...]}</c>):
/// every field of the upstream record as a column. Inventory rows carry only the dealer code, so this table is what
/// they join to for a dealer's name, address and location.
/// </summary>
/// <remarks>
/// <para>Dealer codes and zips are text: their leading zeros are meaningful (<c>08564</c>).</para>
/// <para>The showroom coordinates arrive as a JSON number for some dealers and as a string for others; the plain
/// coercion reads both into a double, exactly as printed.</para>
/// <para>Sales hours arrive as <c>{closed, open:{time, ampm}, close:{time, ampm}}</c> per day: each day is one struct
/// column (<see cref="SalesHours"/>), <c>monday_hours.open_time = "09:00"</c>, <c>monday_hours.open_am_pm = "AM"</c>. A
/// closed day sends empty strings, read as null.</para>
/// </remarks>
[Entity("stellantis_dealers", Records = "dealer", Key = [nameof(DealerCode)])]
public sealed partial class StellantisDealer
{
    /// <summary>Five digits with leading zeros (<c>08564</c>), kept as text.</summary>
    [Coerce<Trim>]
    public string? DealerCode { get; init; }

    public int? LocationSeq { get; init; }

    [Alias("dealerName"), Coerce<Trim>]
    public string? Name { get; init; }

    [Alias("dealerAddress1"), Coerce<Trim>]
    public string? Address1 { get; init; }

    /// <summary>Sent as <c>""</c> when the dealer has no second address line: null here.</summary>
    [Alias("dealerAddress2"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? Address2 { get; init; }

    [Alias("dealerCity"), Coerce<Trim>]
    public string? City { get; init; }

    [Alias("dealerState"), Coerce<Trim>]
    public string? State { get; init; }

    /// <summary>5 digits, or 9 (zip+4) without a dash, as sent.</summary>
    [Alias("dealerZipCode"), Coerce<Trim>]
    public string? ZipCode { get; init; }

    [Alias("dealerShowroomCountry")]
    public string? Country { get; init; }

    /// <summary>Sent as a number or as a string, depending on the dealer.</summary>
    [Alias("dealerShowroomLatitude")]
    public double? Latitude { get; init; }

    /// <summary>Sent as a number or as a string, depending on the dealer.</summary>
    [Alias("dealerShowroomLongitude")]
    public double? Longitude { get; init; }

    [Alias("phoneNumber")]
    public string? Phone { get; init; }

    public string? Website { get; init; }

    [Alias("demail"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? Email { get; init; }

    /// <summary>Miles from the searched zip code (2 decimals): a property of the search, not of the dealer.</summary>
    public double? Distance { get; init; }

    /// <summary>Designated market area.</summary>
    public string? Dma { get; init; }

    public string? BusinessCenter { get; init; }

    [Coerce<Flag>]
    public bool? HasQuote { get; init; }

    /// <summary>Sales hours on Mondays.</summary>
    [Path("departments.sales.hours.monday")]
    public SalesHours? MondayHours { get; init; }

    /// <summary>Sales hours on Tuesdays.</summary>
    [Path("departments.sales.hours.tuesday")]
    public SalesHours? TuesdayHours { get; init; }

    /// <summary>Sales hours on Wednesdays.</summary>
    [Path("departments.sales.hours.wednesday")]
    public SalesHours? WednesdayHours { get; init; }

    /// <summary>Sales hours on Thursdays.</summary>
    [Path("departments.sales.hours.thursday")]
    public SalesHours? ThursdayHours { get; init; }

    /// <summary>Sales hours on Fridays.</summary>
    [Path("departments.sales.hours.friday")]
    public SalesHours? FridayHours { get; init; }

    /// <summary>Sales hours on Saturdays.</summary>
    [Path("departments.sales.hours.saturday")]
    public SalesHours? SaturdayHours { get; init; }

    /// <summary>Sales hours on Sundays.</summary>
    [Path("departments.sales.hours.sunday")]
    public SalesHours? SundayHours { get; init; }

    /// <summary>Brand letters the dealer sells (<c>C</c>, <c>D</c>, <c>J</c>, <c>R</c>).</summary>
    public string[]? Brands { get; init; }

    public string[]? Services { get; init; }

    /// <summary><c>A</c> (active) or <c>P</c> (pending).</summary>
    public string? DealerStatus { get; init; }

    // ---- Computed over whole columns once a batch is filled ----

    /// <summary>The 5-digit zip of a 5- or 9-digit one, the key inventory and census data join on.</summary>
    [Transform<Zip5>(nameof(ZipCode))]
    public string? Zip5 { get; init; }
}

/// <summary>
/// One day's sales hours, as sent: <c>{closed, open:{time, ampm}, close:{time, ampm}}</c>. The time and its AM/PM
/// stay separate text fields, as sent (<c>"09:00"</c>, <c>"AM"</c>); a closed day's are null.
/// </summary>
[NestedRecord]
public sealed class SalesHours
{
    /// <summary>Whether the sales department is closed all day.</summary>
    [Coerce<Flag>]
    public bool? Closed { get; init; }

    /// <summary>Opening time, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? OpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? OpenAmPm { get; init; }

    /// <summary>Closing time, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? CloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? CloseAmPm { get; init; }
}
