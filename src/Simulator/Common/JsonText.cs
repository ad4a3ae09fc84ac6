using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>Shared JSON writing settings and helpers for the simulator's bodies.</summary>
internal static class JsonText
{
    /// <summary>Non-ASCII text is written raw (UTF-8), quotes and backslashes escaped; validation is skipped on the hot path.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes a string with every non-ASCII character as a <c>\uXXXX</c> escape, as some upstream encoders do.</summary>
    public static void WriteAsciiEscapedString(Utf8JsonWriter writer, string propertyName, string value)
    {
        writer.WritePropertyName(propertyName);
        writer.WriteRawValue(QuotedAsciiEscaped(value), skipInputValidation: true);
    }

    /// <summary>A string as a quoted JSON value, escaped as <see cref="WriterOptions"/> escapes it (non-ASCII raw).</summary>
    public static byte[] Quoted(string value)
    {
        var escaped = JsonEncodedText.Encode(value, WriterOptions.Encoder).EncodedUtf8Bytes;
        var quoted = new byte[escaped.Length + 2];
        quoted[0] = (byte)'"';
        escaped.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        return quoted;
    }

    /// <summary>A string as a quoted JSON value the way <see cref="WriteAsciiEscapedString"/> writes it (every non-ASCII character as <c>\uXXXX</c>).</summary>
    public static byte[] QuotedAsciiEscaped(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        builder.Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case < ' ' or > '~': builder.Append("\\u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: builder.Append(ch); break;
            }
        }
        builder.Append('"');
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    public static bool IsAscii(string value)
    {
        foreach (var ch in value)
        {
            if (ch > '~') return false;
        }
        return true;
    }
}
