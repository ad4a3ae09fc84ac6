using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Runner.Bench;

/// <summary>
/// What <c>ingest bench</c> writes to <c>benchmarks/results/&lt;scenario&gt;/&lt;label&gt;/summary.json</c>: the run's
/// provenance (git SHA and branch, machine) and each stage's wall time, peak memory and grades.
/// </summary>
public sealed record BenchSummary
{
    public required string Scenario { get; init; }
    public required string Label { get; init; }
    public required string GitSha { get; init; }
    public required string GitBranch { get; init; }
    public required MachineInfo Machine { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateOnly PartitionDate { get; init; }
    public required IReadOnlyList<StageMeasurement> Stages { get; init; }

    /// <summary>The worst grade of any stage.</summary>
    public Grade Grade => Stages.Count == 0 ? Grade.Green : Stages.Max(s => s.Grade);

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a summary; a file that is not one is a <see cref="FormatException"/> naming the file.</summary>
    public static BenchSummary Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Summary '{path}' does not exist; `ingest bench <scenario> <label>` writes benchmarks/results/<scenario>/<label>/summary.json.", path);
        try
        {
            return JsonSerializer.Deserialize<BenchSummary>(File.ReadAllBytes(path), JsonOptions)
                ?? throw new FormatException($"Summary '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"'{path}' is not a bench summary: {ex.Message}", ex);
        }
    }
}

/// <summary>One stage of a bench run, measured from outside its process.</summary>
public sealed record StageMeasurement
{
    public required string Name { get; init; }
    public required string AssetKey { get; init; }
    public required double WallSeconds { get; init; }

    /// <summary>Peak resident set of the stage's process (VmHWM), native memory included.</summary>
    public required double PeakRssMb { get; init; }

    public required int ExitCode { get; init; }
    public required bool KilledByWatchdog { get; init; }
    public required Grade MemoryGrade { get; init; }
    public required Grade DurationGrade { get; init; }

    /// <summary>What the stage said of itself (rows, bytes, warnings), when it finished.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Report { get; init; }

    /// <summary>A stage that failed or was killed is red whatever it measured.</summary>
    public Grade Grade => ExitCode != 0 || KilledByWatchdog ? Grade.Red : (Grade)Math.Max((int)MemoryGrade, (int)DurationGrade);
}

/// <summary>The machine a summary was measured on.</summary>
public sealed record MachineInfo(string Host, string Os, int Cores, double MemoryGb, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}

/// <summary>A stage's grade against its scenario's yellow and red lines.</summary>
public enum Grade
{
    Green,
    Yellow,
    Red,
}
