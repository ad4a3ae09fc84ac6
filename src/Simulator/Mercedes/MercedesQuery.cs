namespace Ingest.Simulator;

/// <summary>
/// A Mercedes-Benz search: <c>zip</c>, <c>distance</c> (miles, or null for <c>ANY</c>), <c>start</c> (0-based page
/// index) and <c>count</c> (page size, capped at <see cref="MaxCount"/>).
/// </summary>
public sealed record MercedesQuery(DateOnly Date, MercedesCondition Condition, string Zip, int? Distance = null, int Start = 0, int Count = 12)
{
    public const int MaxCount = 100;

    public int EffectiveCount => Math.Clamp(Count, 1, MaxCount);
}
