namespace Ingest.Simulator;

/// <summary>One day of a dealer department's opening hours; <see cref="Open"/>/<see cref="Close"/> are null when closed.</summary>
public sealed record DealerDayHours(DayOfWeek Day, bool Closed, TimeOnly? Open, TimeOnly? Close);
