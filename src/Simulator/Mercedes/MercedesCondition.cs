namespace Ingest.Simulator;

/// <summary>The <c>{new|used}</c> path segment of the Mercedes-Benz search.</summary>
public enum MercedesCondition
{
    New,
    Used,
}
