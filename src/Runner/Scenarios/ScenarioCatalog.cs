namespace Ingest.Runner.Scenarios;

/// <summary>
/// Where scenarios live: <c>benchmarks/configs/*.json</c> of the repository the runner runs from, or the folder
/// named by <c>INGEST_SCENARIOS</c>. A scenario is named by its file name without extension, or given as a path.
/// </summary>
public static class ScenarioCatalog
{
    public static string Folder()
    {
        string? configured = Environment.GetEnvironmentVariable("INGEST_SCENARIOS");
        if (!string.IsNullOrEmpty(configured)) return configured;
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "configs");
            if (Directory.Exists(candidate)) return candidate;
        }
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "benchmarks", "configs");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "benchmarks", "configs");
    }

    public static IReadOnlyList<string> Names()
    {
        string folder = Folder();
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The scenario named (or at the path given), checked against the stages <paramref name="stages"/> knows.</summary>
    public static ScenarioConfig Find(string nameOrPath, Stages.StageRegistry stages)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains(Path.DirectorySeparatorChar))
            return ScenarioConfig.Load(nameOrPath, stages.AssetKeys);
        string path = Path.Combine(Folder(), nameOrPath + ".json");
        if (!File.Exists(path))
        {
            string known = string.Join(", ", Names());
            throw new ScenarioException($"There is no scenario '{nameOrPath}' in {Folder()}; known scenarios: {(known.Length == 0 ? "none" : known)}.");
        }
        return ScenarioConfig.Load(path, stages.AssetKeys);
    }
}
