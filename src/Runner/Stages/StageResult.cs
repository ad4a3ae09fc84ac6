using Ingest.Tiers;

namespace Ingest.Runner.Stages;

/// <summary>What a stage reports to the runner's summary: the table it wrote and its figures.</summary>
public sealed record StageResult
{
    public required string Table { get; init; }
    public required long RowsIn { get; init; }
    public required long RowsOut { get; init; }
    public required int Columns { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>The stage's phases and their wall times (phases may nest: "of which ...").</summary>
    public required IReadOnlyList<StagePhase> Phases { get; init; }
    public required double PeakWorkingSetMb { get; init; }
    public required long Bytes { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>What the stage found that is worth a line after the summary (not a warning), e.g. keys new and gone.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The stage's own full report, as JSON, for summary.json.</summary>
    public required object Report { get; init; }
}
