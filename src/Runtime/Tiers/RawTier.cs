using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Sources;

namespace Ingest.Tiers;

/// <summary>
/// The raw tier's table: one row per fetched page, failed pages included. Columns: <c>partition_date</c> (date32),
/// <c>source</c>, <c>sub_resource</c>, <c>request_url</c>, <c>page_number</c> (int32), <c>fetched_at</c>
/// (timestamp[us, UTC]), <c>status</c> (HTTP, 0 when no answer), <c>attempts</c>, <c>outcome</c> (see
/// <see cref="OutcomeName"/>), <c>error</c> (null on success) and <c>body</c> (binary, the bytes as received; empty
/// when no answer came).
/// </summary>
public static class RawTier
{
    public const string DefaultNamespace = "raw";

    public const string PartitionDate = "partition_date";
    public const string Source = "source";
    public const string SubResource = "sub_resource";
    public const string RequestUrl = "request_url";
    public const string PageNumber = "page_number";
    public const string FetchedAt = "fetched_at";
    public const string Status = "status";
    public const string Attempts = "attempts";
    public const string Outcome = "outcome";
    public const string Error = "error";
    public const string Body = "body";

    /// <summary>The raw table's Arrow schema (one instance, so writers check it by reference).</summary>
    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field(PartitionDate, Date32Type.Default, nullable: false))
        .Field(new Field(Source, StringType.Default, nullable: false))
        .Field(new Field(SubResource, StringType.Default, nullable: false))
        .Field(new Field(RequestUrl, StringType.Default, nullable: false))
        .Field(new Field(PageNumber, Int32Type.Default, nullable: false))
        .Field(new Field(FetchedAt, new TimestampType(TimeUnit.Microsecond, "UTC"), nullable: false))
        .Field(new Field(Status, Int32Type.Default, nullable: false))
        .Field(new Field(Attempts, Int32Type.Default, nullable: false))
        .Field(new Field(Outcome, StringType.Default, nullable: false))
        .Field(new Field(Error, StringType.Default, nullable: true))
        .Field(new Field(Body, BinaryType.Default, nullable: false))
        .Build();

    /// <summary>The <c>outcome</c> column's value: <c>fetched</c>, <c>not_json</c>, <c>error_envelope</c>, <c>http_error</c>, <c>no_response</c>.</summary>
    public static string OutcomeName(PageOutcome outcome) => outcome switch
    {
        PageOutcome.Fetched => "fetched",
        PageOutcome.NotJson => "not_json",
        PageOutcome.ErrorEnvelope => "error_envelope",
        PageOutcome.HttpError => "http_error",
        PageOutcome.NoResponse => "no_response",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>
    /// Whether a raw row's outcome means the page failed (counted by the transformed tier, not extracted). A page that
    /// is not JSON is not failed: it goes on to the extractor, which quarantines it.
    /// </summary>
    public static bool IsFailedOutcome(ReadOnlySpan<byte> outcomeUtf8) =>
        !outcomeUtf8.SequenceEqual("fetched"u8) && !outcomeUtf8.SequenceEqual("not_json"u8);
}
