using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Runner.Stages;

namespace Ingest.Runner.Scenarios;

/// <summary>
/// A benchmark scenario, in the seed's shape: a name, the OEM, a description, environment variables that constrain
/// the data scope without changing code, and the stages to materialize in order.
/// </summary>
public sealed record ScenarioConfig
{
    public required string Name { get; init; }

    public required string Oem { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Settings the stages read (<c>INGEST_ZIP</c>, …); a number or <c>true</c>/<c>false</c> is taken as its text.</summary>
    [JsonConverter(typeof(EnvConverter))]
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<StageConfig> Stages { get; init; }

    /// <summary>Grades for this scenario's stages; the defaults are the seed's 6/8 GB and 10/20 minutes.</summary>
    public StageThresholds Thresholds { get; init; } = StageThresholds.Default;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a scenario file; a problem is a <see cref="ScenarioException"/> saying what to fix.</summary>
    /// <summary>Reads and checks a scenario file; with <paramref name="knownAssetKeys"/>, each stage's asset must be one of them.</summary>
    public static ScenarioConfig Load(string path, IReadOnlyCollection<string>? knownAssetKeys = null)
    {
        if (!File.Exists(path)) throw new ScenarioException($"Scenario file '{path}' does not exist; see `ingest list` for the scenarios in benchmarks/configs.");
        ScenarioConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ScenarioConfig>(File.ReadAllBytes(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ScenarioException($"Scenario file '{path}' is not a valid scenario: {ex.Message} (fields: name, oem, description, env, stages[name, asset_key, label], thresholds).");
        }
        if (config is null) throw new ScenarioException($"Scenario file '{path}' is empty.");
        if (config.Stages.Count == 0) throw new ScenarioException($"Scenario '{config.Name}' in '{path}' has no stages; add at least one {{\"name\", \"asset_key\"}}.");
        foreach (StageConfig stage in config.Stages)
        {
            if (string.IsNullOrWhiteSpace(stage.Name) || string.IsNullOrWhiteSpace(stage.AssetKey))
                throw new ScenarioException($"A stage of scenario '{config.Name}' in '{path}' lacks a name or an asset_key.");
            if (knownAssetKeys is not null && !knownAssetKeys.Contains(stage.AssetKey))
                throw new ScenarioException($"Stage '{stage.Name}' of scenario '{config.Name}' in '{path}' names asset '{stage.AssetKey}', which this runner does not know; known assets: {string.Join(", ", knownAssetKeys)}.");
        }
        return config;
    }
}

/// <summary>One stage: a name, the asset it materializes (<c>stellantis/raw/inventory</c>) and a human label.</summary>
public sealed record StageConfig
{
    public required string Name { get; init; }

    public required string AssetKey { get; init; }

    public string Label { get; init; } = "";
}

/// <summary>Yellow and red lines for a stage's peak memory and duration.</summary>
public sealed record StageThresholds
{
    public double MemoryYellowGb { get; init; } = 6;
    public double MemoryRedGb { get; init; } = 8;
    public double DurationYellowMinutes { get; init; } = 10;
    public double DurationRedMinutes { get; init; } = 20;

    public static StageThresholds Default { get; } = new();
}

/// <summary>A scenario that cannot be used as written; the message says what to fix.</summary>
public sealed class ScenarioException(string message) : Exception(message);

/// <summary>Reads <c>env</c>: names to strings, with numbers and booleans taken as written (<c>"radius": 50</c>).</summary>
internal sealed class EnvConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("env must be an object of names to values, e.g. {\"INGEST_ZIP\": \"10001\"}.");
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            env[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => throw new JsonException($"env value {name} must be a string, a number or true/false, not {reader.TokenType}."),
            };
        }
        return env;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach ((string name, string text) in value) writer.WriteString(name, text);
        writer.WriteEndObject();
    }
}
