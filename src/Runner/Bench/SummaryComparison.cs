using System.Globalization;

namespace Ingest.Runner.Bench;

/// <summary>
/// Per-stage deltas between a baseline and a candidate summary. A stage regresses when it got slower or bigger by
/// more than the threshold (relative, with a small absolute floor so a 2 s stage does not fail on noise), when its
/// grade got worse, or when it is missing from the candidate.
/// </summary>
public sealed record SummaryComparison(IReadOnlyList<StageDelta> Stages)
{
    public bool HasRegression => Stages.Any(s => s.IsRegression);

    public static SummaryComparison Of(BenchSummary baseline, BenchSummary candidate, double threshold, double minSeconds = 5, double minMb = 50)
    {
        var deltas = new List<StageDelta>();
        foreach (StageMeasurement before in baseline.Stages)
        {
            StageMeasurement? after = candidate.Stages.FirstOrDefault(s => s.Name == before.Name);
            if (after is null)
            {
                deltas.Add(new StageDelta(before.Name, before, null, IsRegression: true, "missing from the candidate"));
                continue;
            }
            var reasons = new List<string>();
            double slower = after.WallSeconds - before.WallSeconds;
            if (slower > minSeconds && slower > threshold * before.WallSeconds)
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{slower / before.WallSeconds:P0} slower"));
            double bigger = after.PeakRssMb - before.PeakRssMb;
            if (bigger > minMb && bigger > threshold * before.PeakRssMb)
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{bigger / before.PeakRssMb:P0} more memory"));
            if (after.Grade > before.Grade) reasons.Add($"grade {before.Grade} → {after.Grade}");
            deltas.Add(new StageDelta(before.Name, before, after, reasons.Count > 0, string.Join("; ", reasons)));
        }
        foreach (StageMeasurement added in candidate.Stages.Where(s => baseline.Stages.All(b => b.Name != s.Name)))
            deltas.Add(new StageDelta(added.Name, null, added, IsRegression: false, "new in the candidate"));
        return new SummaryComparison(deltas);
    }
}

/// <summary>One stage in both summaries.</summary>
public sealed record StageDelta(string Stage, StageMeasurement? Baseline, StageMeasurement? Candidate, bool IsRegression, string Reason);
