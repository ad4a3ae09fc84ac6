using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>Reads the parts of inventory pages the tests look at, with System.Text.Json as an independent reader.</summary>
internal static class PageJson
{
    public static JsonElement Vehicles(byte[] page) => Data(page).GetProperty("vehicles");

    public static JsonElement Data(byte[] page) => JsonDocument.Parse(page).RootElement.GetProperty("result").GetProperty("data");

    public static int TotalCount(byte[] page) => Data(page).GetProperty("metadata").GetProperty("totalcount").GetInt32();

    public static List<string> Vins(byte[] page) =>
        Vehicles(page).EnumerateArray().Select(v => v.GetProperty("vin").GetString()!).ToList();

    /// <summary>A price as the simulator means it, whether sent as a number, "48,995.00" or "$48,995.00".</summary>
    public static decimal? Amount(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal()
            : decimal.Parse(value.GetString()!.Replace("$", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
