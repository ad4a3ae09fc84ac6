namespace Ingest.Simulator;

/// <summary>One incentive's draws: the amount in units of 250 and how many months after the arrival month it expires.</summary>
internal readonly record struct IncentiveDraw(byte Units, byte MonthsAhead);
