namespace Ingest.Tiers;

/// <summary>A conflict to report field by field: the key's text and where both rows are (raw page ordinal, record in page).</summary>
internal sealed record PendingConflict(string Key, int WinnerPage, int WinnerRecord, int OtherPage, int OtherRecord);
