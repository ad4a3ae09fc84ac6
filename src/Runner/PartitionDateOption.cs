using System.CommandLine;

namespace Ingest.Runner;

/// <summary>The <c>--date</c> option: the partition a run materializes, today (UTC) unless told.</summary>
public static class PartitionDateOption
{
    public static Option<DateOnly> Create() => new("--date")
    {
        Description = "Partition date, YYYY-MM-DD; today (UTC) when omitted. The simulator serves that day's inventory.",
        DefaultValueFactory = _ => DateOnly.FromDateTime(DateTime.UtcNow),
    };
}
