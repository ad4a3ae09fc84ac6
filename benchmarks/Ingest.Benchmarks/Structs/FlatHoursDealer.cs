using Ingest.Coercers;
using Ingest.Transforms;

namespace Ingest.Benchmarks.Structs;

/// <summary>
/// The Stellantis dealer entity as it was declared before struct columns (commit ef8a8ca): the same fields, with
/// each day's sales hours as five flat columns (35 in all) instead of one struct column. The baseline of
/// <see cref="StructColumnBenchmarks"/>.
/// </summary>
[Entity("stellantis_dealers", Records = "dealer", Key = [nameof(DealerCode)])]
public sealed partial class FlatHoursDealer
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

    /// <summary>Whether the sales department is closed all day on Mondays.</summary>
    [Path("departments.sales.hours.monday.closed"), Coerce<Flag>]
    public bool? MondayClosed { get; init; }

    /// <summary>Opening time on Mondays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.monday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? MondayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.monday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? MondayOpenAmPm { get; init; }

    /// <summary>Closing time on Mondays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.monday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? MondayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.monday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? MondayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Tuesdays.</summary>
    [Path("departments.sales.hours.tuesday.closed"), Coerce<Flag>]
    public bool? TuesdayClosed { get; init; }

    /// <summary>Opening time on Tuesdays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.tuesday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? TuesdayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.tuesday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? TuesdayOpenAmPm { get; init; }

    /// <summary>Closing time on Tuesdays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.tuesday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? TuesdayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.tuesday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? TuesdayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Wednesdays.</summary>
    [Path("departments.sales.hours.wednesday.closed"), Coerce<Flag>]
    public bool? WednesdayClosed { get; init; }

    /// <summary>Opening time on Wednesdays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.wednesday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? WednesdayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.wednesday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? WednesdayOpenAmPm { get; init; }

    /// <summary>Closing time on Wednesdays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.wednesday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? WednesdayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.wednesday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? WednesdayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Thursdays.</summary>
    [Path("departments.sales.hours.thursday.closed"), Coerce<Flag>]
    public bool? ThursdayClosed { get; init; }

    /// <summary>Opening time on Thursdays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.thursday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? ThursdayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.thursday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? ThursdayOpenAmPm { get; init; }

    /// <summary>Closing time on Thursdays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.thursday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? ThursdayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.thursday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? ThursdayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Fridays.</summary>
    [Path("departments.sales.hours.friday.closed"), Coerce<Flag>]
    public bool? FridayClosed { get; init; }

    /// <summary>Opening time on Fridays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.friday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? FridayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.friday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? FridayOpenAmPm { get; init; }

    /// <summary>Closing time on Fridays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.friday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? FridayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.friday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? FridayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Saturdays.</summary>
    [Path("departments.sales.hours.saturday.closed"), Coerce<Flag>]
    public bool? SaturdayClosed { get; init; }

    /// <summary>Opening time on Saturdays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.saturday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? SaturdayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.saturday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? SaturdayOpenAmPm { get; init; }

    /// <summary>Closing time on Saturdays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.saturday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? SaturdayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.saturday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? SaturdayCloseAmPm { get; init; }

    /// <summary>Whether the sales department is closed all day on Sundays.</summary>
    [Path("departments.sales.hours.sunday.closed"), Coerce<Flag>]
    public bool? SundayClosed { get; init; }

    /// <summary>Opening time on Sundays, 12-hour <c>"09:00"</c>; null when closed (sent as <c>""</c>).</summary>
    [Path("departments.sales.hours.sunday.open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? SundayOpenTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the opening time; null when closed.</summary>
    [Path("departments.sales.hours.sunday.open.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? SundayOpenAmPm { get; init; }

    /// <summary>Closing time on Sundays, 12-hour <c>"06:00"</c>; null when closed.</summary>
    [Path("departments.sales.hours.sunday.close.time"), Coerce<Trim>, Coerce<EmptyToNull>]
    public string? SundayCloseTime { get; init; }

    /// <summary><c>AM</c> or <c>PM</c> of the closing time; null when closed.</summary>
    [Path("departments.sales.hours.sunday.close.ampm"), Coerce<Trim>, Coerce<EmptyToNull>, Coerce<Upper>]
    public string? SundayCloseAmPm { get; init; }

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
