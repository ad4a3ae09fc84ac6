using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.Tests;

/// <summary>
/// A table whose partitions were written with two schemas (an entity gained a column and changed a type): the manifests
/// tell which partitions differ and how, and DuckDB reads them all by column name.
/// </summary>
public sealed class SchemaDifferenceTests : IDisposable
{
    private static readonly DateOnly[] Days = [new(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 27)];

    private static readonly Schema Before = new Schema.Builder()
        .Field(new Field("vin", StringType.Default, nullable: false))
        .Field(new Field("doors", Int32Type.Default, nullable: true))
        .Field(new Field("badge", StringType.Default, nullable: true))
        .Build();

    // trim added, badge removed, doors widened.
    private static readonly Schema After = new Schema.Builder()
        .Field(new Field("vin", StringType.Default, nullable: false))
        .Field(new Field("doors", Int64Type.Default, nullable: true))
        .Field(new Field("trim", StringType.Default, nullable: true))
        .Build();

    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task Partitions_written_with_another_schema_are_named_with_what_differs()
    {
        Table table = new TableStore(_warehouse.Root).OpenTable("stellantis", "vehicles");
        await WriteAsync(table, Days[0], Before);
        await WriteAsync(table, Days[1], Before);
        await WriteAsync(table, Days[2], After);
        await WriteAsync(table, Days[3], After);

        SchemaDifference fromNew = Assert.Single(table.SchemaDifferences(Days[3]));
        Assert.Equal(Days[..2], fromNew.Partitions);
        Assert.Equal(["trim"], fromNew.Added);
        Assert.Equal(["badge"], fromNew.Removed);
        Assert.Equal(["doors: int32 → int64"], fromNew.Changed);
        Assert.Equal("2 partitions (2026-11-24, 2026-11-25): added trim; removed badge; changed doors: int32 → int64", fromNew.ToString());

        SchemaDifference fromOld = Assert.Single(table.SchemaDifferences(Days[0]));
        Assert.Equal(Days[2..], fromOld.Partitions);
        Assert.Equal(["badge"], fromOld.Added);
        Assert.Equal(["trim"], fromOld.Removed);
        Assert.Equal(["doors: int64 → int32"], fromOld.Changed);

        // Read by name, the older partitions have no trim and the newer no badge; all four partitions' rows are there.
        var rows = Warehouse.Query($"SELECT CAST(partition_date AS VARCHAR), doors, trim, badge FROM read_parquet('{table.ParquetGlob}', hive_partitioning = true, union_by_name = true) ORDER BY 1");
        Assert.Equal(4, rows.Count);
        Assert.All(rows[..2], row => Assert.Equal((4L, null, "b"), (Convert.ToInt64(row[1]), row[2], row[3])));
        Assert.All(rows[2..], row => Assert.Equal((4L, "t", null), (Convert.ToInt64(row[1]), row[2], row[3])));
    }

    [Fact]
    public async Task A_table_with_one_schema_has_no_differences()
    {
        Table table = new TableStore(_warehouse.Root).OpenTable("stellantis", "vehicles");
        foreach (DateOnly day in Days) await WriteAsync(table, day, After);

        Assert.All(Days, day => Assert.Empty(table.SchemaDifferences(day)));
    }

    private static async Task WriteAsync(Table table, DateOnly day, Schema schema)
    {
        await using PartitionWriter writer = table.CreatePartitionWriter(day, schema);
        IArrowArray doors = schema.GetFieldByName("doors").DataType is Int64Type
            ? new Int64Array.Builder().Append(4).Build()
            : new Int32Array.Builder().Append(4).Build();
        IArrowArray last = new StringArray.Builder().Append(schema.FieldsList[2].Name == "trim" ? "t" : "b").Build();
        using var batch = new RecordBatch(schema, [new StringArray.Builder().Append($"VIN{day:MMdd}").Build(), doors, last], 1);
        await writer.WriteAsync(batch);
        await writer.CommitAsync();
    }
}
