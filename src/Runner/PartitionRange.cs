using System.CommandLine;
using System.Globalization;
using Ingest.Runner.Scenarios;

namespace Ingest.Runner;

/// <summary>
/// <c>--dates FROM..TO</c>: the partitions of a backfill, oldest first, run one after the other. In a Kubernetes
/// Indexed Job (which sets <c>JOB_COMPLETION_INDEX</c> in each pod) only the index-th of them, so each pod is the
/// worker of one partition and the Job's <c>completions</c> is the number of dates.
/// </summary>
public static class PartitionRange
{
    /// <summary>Set by Kubernetes in each pod of an Indexed Job: 0, 1, … completions - 1.</summary>
    public const string JobIndexVariable = "JOB_COMPLETION_INDEX";

    public static Option<string> Create() => new("--dates")
    {
        Description = $"A range of partition dates, FROM..TO (inclusive), run oldest first, e.g. 2026-11-01..2026-11-30; in a Kubernetes Indexed Job only the {JobIndexVariable}-th date.",
    };

    /// <summary>The dates of <paramref name="range"/>, or the one <paramref name="jobIndex"/> picks when it is set.</summary>
    public static IReadOnlyList<DateOnly> Resolve(string range, string? jobIndex)
    {
        string[] ends = range.Split("..");
        if (ends.Length != 2 || !TryParseDate(ends[0], out DateOnly from) || !TryParseDate(ends[1], out DateOnly to))
            throw new ScenarioException($"--dates takes FROM..TO, two dates YYYY-MM-DD, e.g. --dates 2026-11-01..2026-11-30; got '{range}'.");
        if (to < from)
            throw new ScenarioException($"--dates {range} ends before it starts; write the earlier date first.");
        DateOnly[] dates = [.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)];
        if (string.IsNullOrEmpty(jobIndex)) return dates;
        if (!int.TryParse(jobIndex, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= dates.Length)
        {
            throw new ScenarioException(
                $"{JobIndexVariable}={jobIndex} does not pick one of the {dates.Length} dates of --dates {range}; set the Indexed Job's completions to {dates.Length}.");
        }
        return [dates[index]];
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
