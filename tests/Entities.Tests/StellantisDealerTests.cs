using Ingest.Entities.Stellantis;
using Ingest.Simulator;

namespace Ingest.Entities.Tests;

/// <summary>The shipped Stellantis dealer entity read from dealer-locator bodies, compared with the simulator's dealers.</summary>
public sealed class StellantisDealerTests
{
    /// <summary>Every Jeep dealer in the country from New York, 999 a page: about 2,500 dealers over 3 pages.</summary>
    [Fact]
    public void National_search_matches_ground_truth_in_every_column()
    {
        IReadOnlyList<DealerMatch> truth = AssertSearch(new DealerLocatorQuery("10001", Radius: 99999));
        Assert.True(truth.Count > 2000, $"A national search should find most of the 2,500 dealers; it found {truth.Count}.");
        Assert.Contains(truth, m => m.Dealer.DealerAddress2 is null);
        Assert.Contains(truth, m => m.Dealer.DealerZipCode.Length == 9);
        Assert.Contains(truth, m => m.Dealer.SalesHours.Any(h => h.Closed));
    }

    /// <summary>About a quarter of locator bodies start with a UTF-8 byte order mark; the entity reads them the same.</summary>
    [Fact]
    public void Bodies_with_a_byte_order_mark_match_ground_truth()
    {
        string zip = MetroAreas.All.Select(m => m.Zip).First(Simulation.Dealers.StartsWithByteOrderMark);
        var query = new DealerLocatorQuery(zip, ResultsPerPage: 50);
        Assert.True(Simulation.Dealers.Render(query).AsSpan().StartsWith("\uFEFF"u8));
        AssertSearch(query);
    }

    private static IReadOnlyList<DealerMatch> AssertSearch(DealerLocatorQuery query)
    {
        IReadOnlyList<DealerMatch> truth = Simulation.Dealers.Find(query);
        int pages = (truth.Count + query.ResultsPerPage - 1) / query.ResultsPerPage;
        var spellings = new Spellings(
            @"""dealerShowroomLatitude"":""-?\d", @"""dealerShowroomLatitude"":-?\d", @"""dealerAddress2"":""""",
            @"""demail"":null", @"""closed"":true,""open"":\{""time"":"""",""ampm"":""""\}", @"""dealerZipCode"":""\d{9}""");
        using ExtractedTable table = ExtractedTable.Extract<StellantisDealer>(
            spellings.Watch(Enumerable.Range(1, pages).Select(page => Simulation.Dealers.Render(query with { ResultsPage = page }))),
            $"dealers {query.ZipCode}+{query.Radius}");
        spellings.AssertAllSeen();

        table.AssertClean();
        Assert.Equal(pages, table.Pages);
        Columns.AssertMatches(table, truth);
        return truth;
    }

    private static readonly ExpectedColumns<DealerMatch> Columns = new(m => m.Dealer.DealerCode)
    {
        { "dealer_code", m => m.Dealer.DealerCode },
        { "location_seq", m => m.Dealer.LocationSeq },
        { "name", m => m.Dealer.DealerName },
        { "address1", m => m.Dealer.DealerAddress1 },
        { "address2", m => m.Dealer.DealerAddress2 },
        { "city", m => m.Dealer.DealerCity },
        { "state", m => m.Dealer.DealerState },
        { "zip_code", m => m.Dealer.DealerZipCode },
        { "country", m => m.Dealer.DealerShowroomCountry },
        { "latitude", m => m.Dealer.Location.Latitude },
        { "longitude", m => m.Dealer.Location.Longitude },
        { "phone", m => m.Dealer.PhoneNumber },
        { "website", m => m.Dealer.Website },
        { "email", m => m.Dealer.Email },
        { "distance", m => m.Distance },
        { "dma", m => m.Dealer.Dma },
        { "business_center", m => m.Dealer.BusinessCenter },
        { "has_quote", m => m.Dealer.HasQuote },
        { "brands", m => m.Dealer.Brands },
        { "services", m => m.Dealer.Services },
        { "dealer_status", m => m.Dealer.DealerStatus },
        { "zip5", m => m.Dealer.DealerZipCode[..5] },
        { "monday_hours", m => Hours(m, DayOfWeek.Monday) },
        { "tuesday_hours", m => Hours(m, DayOfWeek.Tuesday) },
        { "wednesday_hours", m => Hours(m, DayOfWeek.Wednesday) },
        { "thursday_hours", m => Hours(m, DayOfWeek.Thursday) },
        { "friday_hours", m => Hours(m, DayOfWeek.Friday) },
        { "saturday_hours", m => Hours(m, DayOfWeek.Saturday) },
        { "sunday_hours", m => Hours(m, DayOfWeek.Sunday) },
    };

    /// <summary>A day's struct: closed, open time and AM/PM, close time and AM/PM.</summary>
    private static object?[] Hours(DealerMatch match, DayOfWeek day)
    {
        DealerDayHours hours = Day(match, day);
        return [hours.Closed, Clock(hours.Open), AmPm(hours.Open), Clock(hours.Close), AmPm(hours.Close)];
    }

    private static DealerDayHours Day(DealerMatch match, DayOfWeek day)
    {
        DealerDayHours hours = match.Dealer.SalesHours.Single(h => h.Day == day);
        Assert.Equal(hours.Closed, hours.Open is null);
        return hours;
    }

    /// <summary>The 12-hour clock reading, two-digit hour: 09:00 for 9 am, 12:30 for half past noon, 06:00 for 6 pm.</summary>
    private static string? Clock(TimeOnly? time) =>
        time is { } t ? $"{(t.Hour % 12 == 0 ? 12 : t.Hour % 12):00}:{t.Minute:00}" : null;

    private static string? AmPm(TimeOnly? time) => time is { } t ? (t.Hour < 12 ? "AM" : "PM") : null;
}
