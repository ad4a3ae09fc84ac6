using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>
/// Writes inventory page envelopes straight into a buffer: the envelope's fixed bytes, then each vehicle record
/// written in place by <see cref="VehicleRecordWriter"/> (minimized JSON, as <see cref="Utf8JsonWriter"/> writes it).
/// Error envelopes go through <see cref="Utf8JsonWriter"/>.
/// </summary>
internal static class InventoryPageRenderer
{
    /// <summary>A buffer size that holds a whole page of <paramref name="pageSize"/> typical records.</summary>
    public static int TypicalPageBytes(int pageSize) => 1024 + Math.Clamp(pageSize, 1, InventoryQuery.MaxPageSize) * 2400;

    public static void WritePage(IBufferWriter<byte> output, ServedRows rows, int pageNumber, int pageSize, SchemaDriftKind drift)
    {
        var total = rows.Count;
        var header = output.GetSpan(256);
        var n = Append(header, 0, "{\"result\":{\"result\":\"SUCCESS\",\"errors\":[],\"data\":{\"metadata\":{"u8);
        n = Append(header, n, drift == SchemaDriftKind.TotalCountCamelCase ? "\"totalCount\":"u8 : "\"totalcount\":"u8);
        Utf8Formatter.TryFormat(total, header[n..], out var written);
        n += written;
        n = Append(header, n, ",\"exactMatchCount\":"u8);
        Utf8Formatter.TryFormat(total, header[n..], out written);
        n += written;
        n = Append(header, n, "},\"vehicles\":["u8);
        output.Advance(n);

        var inventory = rows.Inventory;
        var selection = rows.Selection;
        var start = (long)(Math.Max(1, pageNumber) - 1) * pageSize;
        var end = Math.Min(start + pageSize, total);
        for (var i = start; i < end; i++)
        {
            var span = output.GetSpan(VehicleRecordWriter.MaxRecordBytes + 1);
            var at = 0;
            if (i > start)
            {
                span[at++] = (byte)',';
            }
            at += inventory.WriteRecord(span[at..], selection, rows[(int)i], drift);
            output.Advance(at);
        }
        output.Write("]}}}"u8);
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

    private static int Append(Span<byte> output, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output[at..]);
        return at + bytes.Length;
    }
}
