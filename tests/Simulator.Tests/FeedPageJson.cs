using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>Reads dealer feed pages back into ground-truth items with System.Text.Json, an independent reader.</summary>
internal static class FeedPageJson
{
    public static JsonElement Feed(byte[] page) => JsonDocument.Parse(page).RootElement.GetProperty("feed");

    public static int TotalItems(byte[] page) => Feed(page).GetProperty("totalItems").GetInt32();

    /// <summary>A page's items; <see cref="SimulatedFeedItem.HasStalePrice"/> is not on the wire and reads false.</summary>
    public static List<SimulatedFeedItem> Items(byte[] page) =>
        [.. JsonDocument.Parse(page).RootElement.GetProperty("items").EnumerateArray().Select(Item)];

    private static SimulatedFeedItem Item(JsonElement item)
    {
        JsonElement pricing = item.GetProperty("pricing");
        return new SimulatedFeedItem
        {
            Vin = item.GetProperty("vin").GetString()!,
            DealerCode = item.GetProperty("dealer").GetProperty("code").GetString()!,
            StockNo = item.GetProperty("stockNo").GetString()!,
            Status = item.GetProperty("status").GetString()!,
            Msrp = pricing.GetProperty("msrp") is { ValueKind: JsonValueKind.Number } msrp ? msrp.GetDecimal() : null,
            InternetPrice = Formatted(pricing.GetProperty("internetPrice")),
            DealerDiscount = Formatted(pricing.GetProperty("dealerDiscount")),
            ExteriorColor = item.GetProperty("exteriorColor").GetString(),
            Odometer = item.GetProperty("odometer") is { ValueKind: JsonValueKind.Number } odometer ? odometer.GetInt32() : null,
            DaysOnLot = item.GetProperty("daysOnLot") is { ValueKind: JsonValueKind.Number } days ? days.GetInt32() : null,
            UpdatedAt = DateTimeOffset.ParseExact(item.GetProperty("updatedAt").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            HasStalePrice = false,
        };
    }

    /// <summary>"46,495.00", exactly two decimals.</summary>
    private static decimal Formatted(JsonElement value)
    {
        string text = value.GetString()!;
        Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{2}$", text);
        return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
