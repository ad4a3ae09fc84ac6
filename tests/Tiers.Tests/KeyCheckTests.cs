using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Tests;

namespace Ingest.Tiers.Tests;

/// <summary>
/// Keys are scalar columns: a key on a struct or list column is refused when a stage is set up, with the column and what
/// to do, before anything is read or written.
/// </summary>
public sealed class KeyCheckTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);

    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private static readonly Schema StoreSchema = new Schema.Builder()
        .Field(new Field("store_id", StringType.Default, true))
        .Field(new Field("hours", HoursArrays.HoursType, true))
        .Field(new Field("week", HoursArrays.WeekType, true))
        .Build();

    /// <summary>An entity keyed on its struct column, as a hand-written descriptor (it is never extracted).</summary>
    private sealed class StoreKeyedOnHours : IEntity
    {
        public static EntityDescriptor Descriptor { get; } = new("store_hours", "$", ["store_id", "hours"], StoreSchema, []);

        public static Schema ArrowSchema => StoreSchema;

        public static EntityExtractor CreateExtractor(int batchSize = EntityExtractor.DefaultBatchSize) =>
            throw new InvalidOperationException("The key check comes first: nothing is extracted.");
    }

    [Fact]
    public void A_key_on_a_struct_column_names_the_column_and_says_what_to_do()
    {
        var error = Assert.Throws<NotSupportedException>(() => RowKeyHasher.CheckKey(StoreKeyedOnHours.Descriptor));

        Assert.StartsWith(
            "Key column hours of entity store_hours is struct<closed: bool?, open_time: utf8?, seats: int32?, visits: int64?, rating: float64?, " +
            "fee: decimal128(10,2)?, since: date32?, updated: timestamp[us, UTC]?, tags: list<utf8?>?>: a key must be a scalar column",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("declare that field as a property of its own (e.g. [Path(\"hours.<field>\")]) and name that property in [Entity(Key = ...)]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_on_a_list_of_structs_is_refused_too()
    {
        var descriptor = StoreKeyedOnHours.Descriptor with { Key = ["week"] };

        var error = Assert.Throws<NotSupportedException>(() => RowKeyHasher.CheckKey(descriptor));

        Assert.StartsWith("Key column week of entity store_hours is list<struct<closed: bool?", error.Message, StringComparison.Ordinal);
        Assert.Contains("a key must be a scalar column", error.Message, StringComparison.Ordinal);
        RowKeyHasher.CheckKey(descriptor with { Key = ["store_id"] });
    }

    [Fact]
    public async Task The_transformed_stage_refuses_the_key_before_it_reads_or_writes_anything()
    {
        // No raw partition exists: a stage that looked for it first would fail with "run the raw stage first" instead.
        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => TransformedStage.RunAsync<StoreKeyedOnHours>(Day, _warehouse.Root, new TransformedStageOptions { RawTable = "store_hours" }));

        Assert.StartsWith("Key column hours of entity store_hours is struct<", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_warehouse.Root));
    }

    [Fact]
    public async Task The_consolidated_stage_refuses_the_key_before_it_reads_or_writes_anything()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => ConsolidatedStage.RunAsync<StoreKeyedOnHours>(Day, _warehouse.Root, new ConsolidatedStageOptions { SourceTable = "store_hours" }));

        Assert.StartsWith("Key column hours of entity store_hours is struct<", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_warehouse.Root));
    }

    [Fact]
    public void A_null_key_in_a_sliced_batch_is_no_key()
    {
        Schema schema = new Schema.Builder().Field(new Field("store_id", StringType.Default, true)).Build();
        var ids = new StringArray.Builder().Append("a").AppendNull().Append("b").AppendNull().Build();
        var batch = new RecordBatch(schema, [ids], ids.Length);
        RecordBatch slice = batch.Slice(1, 3); // its null count is left to compute (-1)
        var keys = new ulong[3];
        var hasKey = new bool[3];

        new RowKeyHasher(schema, ["store_id"]).Hash(slice, keys, hasKey);

        Assert.Equal([false, true, false], hasKey);
    }
}
