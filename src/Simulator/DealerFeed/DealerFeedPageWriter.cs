using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>
/// Writes dealer feed pages from their items' ground truth: <c>{"feed":{generatedAt, page, pageSize, totalItems},
/// "items":[...]}</c>, prices as the platform formats them (<c>"46,495.00"</c>) except the msrp, a JSON number.
/// Errors are <c>{"error":{"code":..,"message":..}}</c>, HTTP 200.
/// </summary>
internal static class DealerFeedPageWriter
{
    public const string InvalidZip = "INVALID_ZIP";
    public const string InvalidParameter = "INVALID_PARAMETER";

    /// <summary>A buffer size that holds a whole page of <paramref name="pageSize"/> items (about 330 bytes each).</summary>
    public static int TypicalPageBytes(int pageSize) => 512 + Math.Clamp(pageSize, 1, DealerFeedQuery.MaxPageSize) * 420;

    public static void WritePage(IBufferWriter<byte> output, DateTimeOffset generatedAt, int page, int pageSize, int totalItems, IReadOnlyList<SimulatedFeedItem> items, SchemaDriftKind drift)
    {
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        Span<byte> text = stackalloc byte[32];
        w.WriteStartObject();
        w.WriteStartObject("feed");
        w.WriteString("generatedAt", text[..Timestamp(text, generatedAt)]);
        w.WriteNumber("page", page);
        w.WriteNumber("pageSize", pageSize);
        // The drifted spelling is the one the inventory uses for its own count (totalcount): all lower case.
        w.WriteNumber(drift == SchemaDriftKind.TotalCountCamelCase ? "totalitems" : "totalItems", totalItems);
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            WriteItem(w, item, drift, text);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteError(IBufferWriter<byte> output, string code, string message)
    {
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, SimulatedFeedItem item, SchemaDriftKind drift, Span<byte> text)
    {
        var numbersAsStrings = drift == SchemaDriftKind.NumberAsString;
        w.WriteStartObject();
        w.WriteString("vin", item.Vin);
        w.WriteStartObject("dealer");
        w.WriteString("code", item.DealerCode);
        w.WriteEndObject();
        w.WriteString("stockNo", item.StockNo);
        w.WriteString("status", item.Status);
        w.WriteStartObject("pricing");
        if (item.Msrp is not { } msrp) w.WriteNull("msrp");
        else if (numbersAsStrings) w.WriteString("msrp", msrp.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber("msrp", msrp);
        w.WriteString("internetPrice", text[..Amount(text, item.InternetPrice)]);
        w.WriteString("dealerDiscount", text[..Amount(text, item.DealerDiscount)]);
        w.WriteEndObject();
        if (drift != SchemaDriftKind.MissingField)
        {
            w.WriteString("exteriorColor", item.ExteriorColor);
        }
        WriteInt(w, "odometer", item.Odometer, numbersAsStrings);
        WriteInt(w, "daysOnLot", item.DaysOnLot, numbersAsStrings);
        w.WriteString("updatedAt", text[..Timestamp(text, item.UpdatedAt)]);
        if (drift == SchemaDriftKind.ExtraField)
        {
            w.WriteString("simUnexpected", "added by upstream without notice");
        }
        w.WriteEndObject();
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? value, bool asString)
    {
        if (value is not { } number) w.WriteNull(name);
        else if (asString) w.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber(name, number);
    }

    /// <summary><c>46,495.00</c>.</summary>
    private static int Amount(Span<byte> output, decimal amount)
    {
        amount.TryFormat(output, out var written, "#,##0.00", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary><c>2026-11-26T18:04:11Z</c>.</summary>
    private static int Timestamp(Span<byte> output, DateTimeOffset time)
    {
        time.UtcDateTime.TryFormat(output, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return written;
    }
}
