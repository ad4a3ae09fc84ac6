using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tiers;

/// <summary>
/// The quarantine table beside a transformed table (<c>&lt;table&gt;_quarantine</c>): one row per page that is not
/// valid JSON, with its bytes, so nothing is dropped silently. Columns: <c>partition_date</c>, <c>sub_resource</c>,
/// <c>page</c> (the label, <c>&lt;sub_resource&gt; page &lt;n&gt;</c>), <c>reason</c>, <c>body</c>.
/// </summary>
public static class QuarantineTier
{
    public const string Suffix = "_quarantine";

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("partition_date", Date32Type.Default, nullable: false))
        .Field(new Field("sub_resource", StringType.Default, nullable: false))
        .Field(new Field("page", StringType.Default, nullable: false))
        .Field(new Field("reason", StringType.Default, nullable: false))
        .Field(new Field("body", BinaryType.Default, nullable: false))
        .Build();

    public static string TableFor(string table) => table + Suffix;
}
