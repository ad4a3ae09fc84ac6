namespace Ingest.Runner.Tests;

/// <summary>
/// <c>ingest run --dates FROM..TO</c>: a backfill, oldest first, in one process; and one date of it per pod in a
/// Kubernetes Indexed Job (<c>JOB_COMPLETION_INDEX</c>).
/// </summary>
public sealed class BackfillTests
{
    [Fact]
    public async Task A_range_runs_every_date_oldest_first_so_each_day_builds_on_the_one_before()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");

        IngestResult run = (await IngestExecutable.RunAsync(folder.Path, "run", "mercedes_inventory", "--dates", "2026-11-27..2026-11-28", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        foreach (string table in new[] { "mercedes/raw_inventory", "mercedes/transformed_vehicles_from_inventory", "mercedes/consolidated_vehicles" })
        {
            Assert.Equal(["2026-11-27", "2026-11-28"],
                DuckDb.Query($"SELECT DISTINCT CAST(partition_date AS VARCHAR) AS d FROM {DuckDb.Read(warehouse, table)} ORDER BY d").Select(r => (string)r[0]!));
        }
        // The second day's history is the first day's consolidated partition.
        int first = run.Stdout.IndexOf("all new (no consolidated partition before 2026-11-27)", StringComparison.Ordinal);
        int second = run.Stdout.IndexOf("new since 2026-11-27", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, run.ToString());
    }

    [Fact]
    public async Task In_an_indexed_job_each_pod_runs_the_date_its_index_picks()
    {
        using var folder = new TempFolder();
        string warehouse = folder.Combine("wh");
        var pod = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1" };

        (await IngestExecutable.RunAsync(folder.Path, pod, "run", "mercedes_inventory", "--stage", "raw_inventory", "--dates", "2026-11-27..2026-11-29", "--warehouse", warehouse))
            .ExitsWith(IngestResult.Ok);

        Assert.Equal(["2026-11-28"],
            DuckDb.Query($"SELECT DISTINCT CAST(partition_date AS VARCHAR) FROM {DuckDb.Read(warehouse, "mercedes/raw_inventory")}").Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData("3", "JOB_COMPLETION_INDEX=3 does not pick one of the 3 dates of --dates 2026-11-27..2026-11-29; set the Indexed Job's completions to 3.")]
    [InlineData("", "")]
    public async Task An_index_past_the_range_is_a_usage_error_that_says_what_completions_to_set(string index, string message)
    {
        using var folder = new TempFolder();
        var pod = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index };
        string[] arguments = ["run", "mercedes_inventory", "--stage", "transformed_vehicles", "--dates", "2026-11-27..2026-11-29", "--warehouse", folder.Combine("wh")];

        IngestResult result = await IngestExecutable.RunAsync(folder.Path, pod, arguments);

        if (message.Length > 0)
        {
            result.ExitsWith(IngestResult.Usage);
            Assert.Contains(message, result.Stderr);
        }
        else
        {
            // No index (not in a Job): the range runs from its first date, which has no raw partition to transform.
            result.ExitsWith(IngestResult.Failure);
            Assert.Contains("Partition 2026-11-27 failed, the first of the range; nothing of the range is committed.", result.Stderr);
        }
    }

    [Theory]
    [InlineData(new[] { "--dates", "2026-11-27" }, "--dates takes FROM..TO, two dates YYYY-MM-DD")]
    [InlineData(new[] { "--dates", "2026-11-29..2026-11-27" }, "ends before it starts")]
    [InlineData(new[] { "--dates", "2026-11-27..2026-11-28", "--date", "2026-11-27" }, "Give --date (one partition) or --dates (a range), not both.")]
    public async Task A_bad_range_is_a_usage_error(string[] options, string message)
    {
        using var folder = new TempFolder();
        IngestResult result = (await IngestExecutable.RunAsync(folder.Path, ["run", "mercedes_inventory", .. options, "--warehouse", folder.Combine("wh")]))
            .ExitsWith(IngestResult.Usage);
        Assert.Contains(message, result.Stderr);
    }
}
