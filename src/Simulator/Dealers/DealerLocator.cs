using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>
/// The dealer locator (<c>/bdlws/MDLSDealerLocator</c>): dealers of a brand within a radius of a zip, nearest first.
/// Answers <c>{"status":200,"dealer":[...]}</c>, or a body with an <c>"error"</c> key when nothing matches; some
/// bodies (decided by a hash of the seed and the zip) start with a UTF-8 byte-order mark, as the real one's do.
/// </summary>
public sealed class DealerLocator
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly int _seed;

    public DealerLocator(int seed, DealerNetwork network)
    {
        _seed = seed;
        Network = network;
    }

    public DealerNetwork Network { get; }

    /// <summary>Ground truth: the dealers the query returns, in served order (all result pages); empty for an unknown zip.</summary>
    public IReadOnlyList<DealerMatch> Find(DealerLocatorQuery query)
    {
        if (!Network.TryLocateZip(query.ZipCode, out var origin))
        {
            return [];
        }
        var matches = new List<DealerMatch>();
        foreach (var dealer in Network.Dealers)
        {
            var distance = Math.Round(origin.MilesTo(dealer.Location), 2);
            if (distance <= query.Radius && dealer.Brands.Contains(query.BrandCode))
            {
                matches.Add(new DealerMatch(dealer, distance));
            }
        }
        matches.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Dealer.DealerCode, b.Dealer.DealerCode));
        return matches;
    }

    /// <summary>Whether the body for this zip starts with a UTF-8 byte-order mark.</summary>
    public bool StartsWithByteOrderMark(string zipCode) =>
        SimRandom.Hash((ulong)_seed, RandomStreams.Bom, SimRandom.HashString(zipCode)) % 4 == 0;

    public byte[] Render(DealerLocatorQuery query)
    {
        using var buffer = new PooledBufferWriter(16 * 1024);
        Write(buffer, query);
        return buffer.ToArray();
    }

    public void Write(IBufferWriter<byte> output, DealerLocatorQuery query)
    {
        if (StartsWithByteOrderMark(query.ZipCode))
        {
            output.Write("\uFEFF"u8);
        }
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        var known = Network.TryLocateZip(query.ZipCode, out _);
        var all = Find(query);
        var perPage = Math.Max(1, query.ResultsPerPage);
        var page = all.Skip((Math.Max(1, query.ResultsPage) - 1) * perPage).Take(perPage).ToList();
        w.WriteStartObject();
        if (page.Count == 0)
        {
            w.WriteStartObject("error");
            w.WriteString("errorCode", known ? "NO_DEALERS_FOUND" : "INVALID_ZIP");
            w.WriteString("errorMessage", known
                ? $"No dealers found within {query.Radius} miles of {query.ZipCode}."
                : $"The zip code '{query.ZipCode}' could not be located.");
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }
        w.WriteNumber("status", 200);
        w.WriteStartArray("dealer");
        foreach (var match in page)
        {
            WriteDealer(w, match);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDealer(Utf8JsonWriter w, DealerMatch match)
    {
        var d = match.Dealer;
        w.WriteStartObject();
        w.WriteString("dealerCode", d.DealerCode);
        w.WriteNumber("locationSeq", d.LocationSeq);
        w.WriteString("dealerName", d.DealerName);
        w.WriteString("dealerAddress1", d.DealerAddress1);
        w.WriteString("dealerAddress2", d.DealerAddress2 ?? "");
        w.WriteString("dealerCity", d.DealerCity);
        w.WriteString("dealerState", d.DealerState);
        w.WriteString("dealerZipCode", d.DealerZipCode);
        w.WriteString("dealerShowroomCountry", d.DealerShowroomCountry);
        if (d.CoordinatesAsStrings)
        {
            w.WriteString("dealerShowroomLatitude", d.Location.Latitude.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("dealerShowroomLongitude", d.Location.Longitude.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNumber("dealerShowroomLatitude", d.Location.Latitude);
            w.WriteNumber("dealerShowroomLongitude", d.Location.Longitude);
        }
        w.WriteString("phoneNumber", d.PhoneNumber);
        w.WriteString("website", d.Website);
        if (d.Email is null) w.WriteNull("demail");
        else w.WriteString("demail", d.Email);
        w.WriteNumber("distance", match.Distance);
        w.WriteString("dma", d.Dma);
        w.WriteString("businessCenter", d.BusinessCenter);
        w.WriteBoolean("hasQuote", d.HasQuote);
        w.WriteStartObject("departments");
        w.WriteStartObject("sales");
        w.WriteStartObject("hours");
        for (var i = 0; i < 7; i++)
        {
            var hours = d.SalesHours[i];
            w.WriteStartObject(DayNames[i]);
            w.WriteBoolean("closed", hours.Closed);
            WriteTime(w, "open", hours.Open);
            WriteTime(w, "close", hours.Close);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("brands");
        foreach (var brand in d.Brands) w.WriteStringValue(brand);
        w.WriteEndArray();
        w.WriteStartArray("services");
        foreach (var service in d.Services) w.WriteStringValue(service);
        w.WriteEndArray();
        w.WriteString("dealerStatus", d.DealerStatus);
        w.WriteEndObject();
    }

    /// <summary>Times as the locator spells them: 12-hour <c>"09:00"</c> plus <c>"AM"</c>/<c>"PM"</c>; empty strings when closed.</summary>
    private static void WriteTime(Utf8JsonWriter w, string name, TimeOnly? time)
    {
        w.WriteStartObject(name);
        w.WriteString("time", time?.ToString("hh:mm", CultureInfo.InvariantCulture) ?? "");
        w.WriteString("ampm", time?.ToString("tt", CultureInfo.InvariantCulture) ?? "");
        w.WriteEndObject();
    }
}
