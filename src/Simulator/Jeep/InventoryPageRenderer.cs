using System.Buffers;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>Writes inventory page envelopes (and error envelopes) straight into a buffer with <see cref="Utf8JsonWriter"/>.</summary>
internal static class InventoryPageRenderer
{
    public static void WritePage(IBufferWriter<byte> output, ServedRows rows, int pageNumber, int pageSize, SchemaDriftKind drift)
    {
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        var total = rows.Count;
        w.WriteStartObject();
        w.WriteStartObject("result");
        w.WriteString("result", "SUCCESS");
        w.WriteStartArray("errors");
        w.WriteEndArray();
        w.WriteStartObject("data");
        w.WriteStartObject("metadata");
        w.WriteNumber(drift == SchemaDriftKind.TotalCountCamelCase ? "totalCount" : "totalcount", total);
        w.WriteNumber("exactMatchCount", total);
        w.WriteEndObject();
        w.WriteStartArray("vehicles");
        var start = (long)(Math.Max(1, pageNumber) - 1) * pageSize;
        var end = Math.Min(start + pageSize, total);
        for (var i = start; i < end; i++)
        {
            VehicleJsonWriter.Write(w, rows[(int)i], drift);
            if (w.BytesPending > 16 * 1024)
            {
                w.Flush();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The upstream's error envelope: HTTP 200, <c>result.result</c> not SUCCESS, and an errorDesc.</summary>
    public static void WriteError(IBufferWriter<byte> output, string message)
    {
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("result");
        w.WriteString("result", "FAILURE");
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("errorDesc", message);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNull("data");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
