namespace Ingest.Runner.Tests;

/// <summary><c>ingest compare BASELINE CANDIDATE</c>: exit 1 and the stage named on a regression, 0 when nothing regressed, 2 for a bad file.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly Summaries.Stage[] Baseline = [new("raw_inventory", 20), new("transformed_vehicles", 10)];

    [Theory]
    [InlineData("slower", "raw_inventory", "regression: 50 ?% slower")]
    [InlineData("worse-grade", "transformed_vehicles", "regression: grade Green → Yellow")]
    [InlineData("missing-stage", "transformed_vehicles", "regression: missing from the candidate")]
    public async Task A_regressed_candidate_exits_1_and_the_table_names_the_stage_and_why(string change, string stage, string verdict)
    {
        Summaries.Stage[] candidate = change switch
        {
            "slower" => [new("raw_inventory", 30), new("transformed_vehicles", 10)],
            "worse-grade" => [new("raw_inventory", 20), new("transformed_vehicles", 10, Grade: "yellow")],
            _ => [new("raw_inventory", 20)],
        };

        IngestResult compare = (await Compare(Summaries.Json("baseline", Baseline), Summaries.Json(change, candidate))).ExitsWith(IngestResult.Failure);

        string[] rows = StageRows(compare.Stdout);
        Assert.Equal(2, rows.Length);
        string regressed = Assert.Single(rows, row => row.Contains("regression", StringComparison.Ordinal));
        Assert.StartsWith($"│ {stage} ", regressed);
        Assert.Matches(verdict, regressed);
    }

    [Fact]
    public async Task Identical_summaries_exit_0_with_every_stage_ok()
    {
        string summary = Summaries.Json("baseline", Baseline);

        IngestResult compare = (await Compare(summary, summary)).ExitsWith(IngestResult.Ok);

        Assert.DoesNotContain("regression", compare.Stdout);
        string[] rows = StageRows(compare.Stdout);
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Matches(@"│ ok\s+│$", row));
    }

    [Fact]
    public async Task A_missing_summary_exits_2_naming_the_file()
    {
        string baseline = Write("baseline.json", Summaries.Json("baseline", Baseline));
        string missing = _folder.Combine("nowhere", "summary.json");

        IngestResult compare = (await IngestExecutable.RunAsync(_folder.Path, "compare", baseline, missing)).ExitsWith(IngestResult.Usage);

        Assert.Contains($"Summary '{missing}' does not exist", compare.Stderr);
    }

    [Theory]
    [InlineData("{ \"scenario\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"scenario\": \"s\" }")]
    public async Task A_malformed_summary_exits_2_naming_the_file(string text)
    {
        string baseline = Write("baseline.json", Summaries.Json("baseline", Baseline));
        string malformed = Write("candidate.json", text);

        IngestResult compare = (await IngestExecutable.RunAsync(_folder.Path, "compare", baseline, malformed)).ExitsWith(IngestResult.Usage);

        Assert.Contains($"'{malformed}' is not a bench summary", compare.Stderr);
    }

    /// <summary>The table rows of the two stages (one line each: names and verdicts are short).</summary>
    private static string[] StageRows(string stdout) =>
        [.. stdout.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("│ raw_inventory ", StringComparison.Ordinal) || l.StartsWith("│ transformed_vehicles ", StringComparison.Ordinal))];

    private Task<IngestResult> Compare(string baseline, string candidate) =>
        IngestExecutable.RunAsync(_folder.Path, "compare", Write("baseline.json", baseline), Write("candidate.json", candidate));

    private string Write(string name, string text)
    {
        string path = _folder.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
