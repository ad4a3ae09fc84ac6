using Ingest.Runner.Scenarios;
using Ingest.Sources;

namespace Ingest.Runner.Stages;

/// <summary>
/// Everything a stage needs from the run: the scenario, the partition, where tables go and where the upstream is
/// (null when no stage of the run fetches).
/// </summary>
public sealed record StageContext(
    ScenarioConfig Scenario,
    StageConfig Stage,
    DateOnly PartitionDate,
    string Warehouse,
    Uri? Upstream,
    bool ForceFresh,
    Action<RawPage>? OnPage)
{
    /// <summary>The upstream's base address, which only a stage that fetches asks for.</summary>
    public Uri RequireUpstream() => Upstream
        ?? throw new ScenarioException($"Stage '{Stage.Name}' fetches from the upstream: give its base URL with --upstream.");

    /// <summary>A scenario setting: the process environment wins, then the scenario's <c>env</c> block, then the fallback.</summary>
    public string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromProcess ? fromProcess
        : Scenario.Env.TryGetValue(name, out string? fromScenario) ? fromScenario
        : fallback;

    /// <summary>A whole-number setting that may be unset (null).</summary>
    public int? OptionalIntSetting(string name, int min = int.MinValue) =>
        Setting(name, "").Length == 0 ? null : IntSetting(name, 0, min);

    public int IntSetting(string name, int fallback, int min = int.MinValue)
    {
        string text = Setting(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value))
            throw new ScenarioException($"{name}='{text}' in scenario '{Scenario.Name}' is not a whole number.");
        return value >= min ? value : throw new ScenarioException($"{name}={value} in scenario '{Scenario.Name}' is below {min}, its least sensible value.");
    }
}
