namespace Ingest.Simulator;

/// <summary>
/// One feed item before it is drawn: its inventory slot, and which of <see cref="DealerFeedStatus"/> (an
/// <see cref="DealerFeedStatus.InTransit"/> item's slot is read in the next day's inventory, the others in the day's).
/// </summary>
internal readonly record struct DealerFeedEntry(int Slot, string Status);
