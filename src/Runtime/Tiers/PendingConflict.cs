namespace Ingest.Tiers;

/// <summary>
/// A conflict to report field by field: the key's text and hash, and where the dropped row is (raw page ordinal,
/// record in page). The winner is the first row with the key, found again in the raw partition.
/// </summary>
internal sealed record PendingConflict(string Key, ulong KeyHash, int OtherPage, int OtherRecord);
