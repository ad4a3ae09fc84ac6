using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Ingest.Runner.Pipes;

/// <summary>
/// The external side of Dagster Pipes (protocol 0.1), so an orchestrator that already runs Dagster can launch
/// <c>ingest run</c> as a subprocess per partition (<c>PipesSubprocessClient</c>) and get each stage back as an asset
/// materialization. Dagster passes two parameters in the environment, each JSON compressed with zlib and encoded in
/// base64: <c>DAGSTER_PIPES_CONTEXT</c> says where the context is (<c>{"path": file}</c> or <c>{"data": {…}}</c>: the
/// asset keys and the partition key of the step), <c>DAGSTER_PIPES_MESSAGES</c> where to write messages
/// (<c>{"path": file}</c>, or <c>{"stdio": "stderr"}</c> or <c>"stdout"</c>), one JSON object a line:
/// <c>opened</c>, <c>log</c>, <c>report_asset_materialization</c>, then <c>closed</c> (with the exception when the
/// run failed).
/// </summary>
public sealed class PipesSession : IDisposable
{
    public const string ContextVariable = "DAGSTER_PIPES_CONTEXT";
    public const string MessagesVariable = "DAGSTER_PIPES_MESSAGES";
    private const string ProtocolVersion = "0.1";

    private readonly TextWriter _messages;
    private readonly bool _ownsMessages;
    private bool _closed;

    private PipesSession(JsonElement context, TextWriter messages, bool ownsMessages)
    {
        _messages = messages;
        _ownsMessages = ownsMessages;
        AssetKeys = context.TryGetProperty("asset_keys", out JsonElement keys) && keys.ValueKind == JsonValueKind.Array
            ? [.. keys.EnumerateArray().Select(k => k.GetString() ?? "")]
            : null;
        PartitionKey = context.TryGetProperty("partition_key", out JsonElement partition) && partition.ValueKind == JsonValueKind.String
            ? partition.GetString()
            : null;
        RunId = context.TryGetProperty("run_id", out JsonElement run) && run.ValueKind == JsonValueKind.String ? run.GetString() : null;
        Write("opened", writer =>
        {
            writer.WriteStartObject("extras");
            writer.WriteEndObject();
        });
    }

    /// <summary>The assets the step materializes (Dagster's user strings, e.g. <c>stellantis/raw/inventory</c>); null: not an asset step.</summary>
    public IReadOnlyList<string>? AssetKeys { get; }

    /// <summary>The step's partition key, e.g. <c>2026-11-27</c> for daily partitions; null when it is not partitioned.</summary>
    public string? PartitionKey { get; }

    public string? RunId { get; }

    /// <summary>The session Dagster asked for in this process's environment, opened; null when Dagster did not launch it.</summary>
    public static PipesSession? OpenFromEnvironment() =>
        Environment.GetEnvironmentVariable(ContextVariable) is { Length: > 0 } context
            ? Open(context, Environment.GetEnvironmentVariable(MessagesVariable))
            : null;

    /// <summary>Opens a session from the two encoded parameters (writes <c>opened</c>).</summary>
    public static PipesSession Open(string contextParameter, string? messagesParameter)
    {
        using JsonDocument contextParams = Decode(contextParameter, ContextVariable);
        using JsonDocument context = LoadContext(contextParams.RootElement);
        if (messagesParameter is not { Length: > 0 })
            throw new PipesException($"{ContextVariable} is set but {MessagesVariable} is not: Dagster sets both; without the second there is nowhere to report to.");
        using JsonDocument messagesParams = Decode(messagesParameter, MessagesVariable);
        (TextWriter messages, bool owns) = MessageWriter(messagesParams.RootElement);
        return new PipesSession(context.RootElement, messages, owns);
    }

    /// <summary>A line of the step's log in Dagster.</summary>
    public void Log(string message, string level = "INFO") => Write("log", writer =>
    {
        writer.WriteString("message", message);
        writer.WriteString("level", level);
    });

    /// <summary>Reports one asset materialized, with metadata (value and Dagster metadata type: <c>int</c>, <c>float</c>, <c>text</c>, <c>path</c>, …).</summary>
    public void ReportMaterialization(string assetKey, IEnumerable<PipesMetadata> metadata) => Write("report_asset_materialization", writer =>
    {
        writer.WriteString("asset_key", assetKey);
        writer.WriteNull("data_version");
        writer.WriteStartObject("metadata");
        foreach (PipesMetadata entry in metadata)
        {
            writer.WriteStartObject(entry.Name);
            writer.WritePropertyName("raw_value");
            switch (entry.Value)
            {
                case null: writer.WriteNullValue(); break;
                case long number: writer.WriteNumberValue(number); break;
                case int number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                default: writer.WriteStringValue(Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
            writer.WriteString("type", entry.Type);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    });

    /// <summary>Writes <c>closed</c>, with the exception that ended the run if one did; later calls do nothing.</summary>
    public void Close(Exception? error = null)
    {
        if (_closed) return;
        Write("closed", writer =>
        {
            if (error is null) return;
            writer.WriteStartObject("exception");
            writer.WriteString("message", error.Message);
            writer.WriteStartArray("stack");
            foreach (string line in (error.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)) writer.WriteStringValue(line.TrimEnd());
            writer.WriteEndArray();
            writer.WriteString("name", error.GetType().Name);
            writer.WriteNull("cause");
            writer.WriteNull("context");
            writer.WriteEndObject();
        });
        _closed = true;
    }

    public void Dispose()
    {
        Close();
        if (_ownsMessages) _messages.Dispose();
    }

    private void Write(string method, Action<Utf8JsonWriter> writeParams)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("__dagster_pipes_version", ProtocolVersion);
            writer.WriteString("method", method);
            writer.WriteStartObject("params");
            writeParams(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        // One whole line per message, flushed at once: Dagster tails the file (or the stream) while the run goes on.
        _messages.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
        _messages.Flush();
    }

    private static JsonDocument Decode(string parameter, string variable)
    {
        try
        {
            using var compressed = new MemoryStream(Convert.FromBase64String(parameter));
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            return JsonDocument.Parse(zlib);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or JsonException)
        {
            throw new PipesException($"{variable} is not a Dagster Pipes parameter (JSON, zlib-compressed, base64-encoded): {ex.Message}");
        }
    }

    private static JsonDocument LoadContext(JsonElement parameters)
    {
        if (parameters.TryGetProperty("path", out JsonElement path) && path.GetString() is { } file)
        {
            return File.Exists(file)
                ? JsonDocument.Parse(File.ReadAllBytes(file))
                : throw new PipesException($"The Dagster Pipes context file {file} does not exist.");
        }
        if (parameters.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object)
            return JsonDocument.Parse(data.GetRawText());
        throw new PipesException($"{ContextVariable} holds {parameters.GetRawText()}; a context is given by \"path\" or \"data\".");
    }

    private static (TextWriter Writer, bool Owns) MessageWriter(JsonElement parameters)
    {
        if (parameters.TryGetProperty("path", out JsonElement path) && path.GetString() is { } file)
            return (new StreamWriter(new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)), true);
        string? stream = parameters.TryGetProperty("stdio", out JsonElement stdio) ? stdio.GetString()
            : parameters.TryGetProperty("buffered_stdio", out JsonElement buffered) ? buffered.GetString()
            : null;
        return stream switch
        {
            "stderr" => (Console.Error, false),
            "stdout" => (Console.Out, false),
            _ => throw new PipesException($"{MessagesVariable} holds {parameters.GetRawText()}; messages go to a \"path\", or \"stdio\" \"stderr\" or \"stdout\"."),
        };
    }
}

/// <summary>One metadata entry of a materialization: its name, raw value and Dagster metadata type.</summary>
public sealed record PipesMetadata(string Name, object? Value, string Type);

/// <summary>Dagster launched the run with parameters that cannot be used.</summary>
public sealed class PipesException(string message) : Exception(message);
