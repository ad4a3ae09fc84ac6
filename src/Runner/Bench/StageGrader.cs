using Ingest.Runner.Scenarios;

namespace Ingest.Runner.Bench;

/// <summary>Grades a stage's peak memory and wall time against the scenario's thresholds (the seed's 6/8 GB, 10/20 min by default).</summary>
public static class StageGrader
{
    public static Grade Memory(double peakRssMb, StageThresholds thresholds) =>
        Of(peakRssMb / 1024, thresholds.MemoryYellowGb, thresholds.MemoryRedGb);

    public static Grade Duration(double wallSeconds, StageThresholds thresholds) =>
        Of(wallSeconds / 60, thresholds.DurationYellowMinutes, thresholds.DurationRedMinutes);

    private static Grade Of(double value, double yellow, double red) =>
        value >= red ? Grade.Red : value >= yellow ? Grade.Yellow : Grade.Green;
}
