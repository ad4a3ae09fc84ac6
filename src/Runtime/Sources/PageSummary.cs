namespace Ingest.Sources;

/// <summary>
/// What a pagination strategy reads off a page's envelope in one <see cref="System.Text.Json.Utf8JsonReader"/> pass
/// (records are skipped, not parsed): whether it is JSON, whether it is the upstream's error envelope, its total
/// count and how many records it holds.
/// </summary>
public readonly record struct PageSummary(bool IsValidJson, string? JsonError, bool IsErrorEnvelope, string? ErrorText, long? TotalCount, int? RecordCount)
{
    public static PageSummary NotJson(string message) => new(false, message, false, null, null, null);
}
