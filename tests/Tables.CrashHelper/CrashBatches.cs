using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.CrashHelper;

/// <summary>The small table the crash tests write: <c>id</c>, <c>version</c>, <c>name</c>.</summary>
public static class CrashBatches
{
    public const string Namespace = "crash";
    public const string Table = "vehicles";

    public static DateOnly Partition { get; } = new(2026, 11, 27);

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("id", Int64Type.Default, nullable: false))
        .Field(new Field("version", Int32Type.Default, nullable: false))
        .Field(new Field("name", StringType.Default, nullable: true))
        .Build();

    /// <summary>Rows <paramref name="first"/>.. of the given version; every row of version v has version = v.</summary>
    public static RecordBatch Create(int version, int first, int rows)
    {
        var ids = new Int64Array.Builder();
        var versions = new Int32Array.Builder();
        var names = new StringArray.Builder();
        for (int i = 0; i < rows; i++)
        {
            ids.Append(first + i);
            versions.Append(version);
            names.Append($"v{version}-row{first + i}");
        }
        return new RecordBatch(Schema, [ids.Build(), versions.Build(), names.Build()], rows);
    }
}
