using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.Tests;

/// <summary>Lists of booleans, dates and timestamps written by both writers and read back by DuckDB.</summary>
public sealed class TypedListRoundTripTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private static readonly TimestampType Utc = new(TimeUnit.Microsecond, "UTC");
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private static readonly Schema ListSchema = new Schema.Builder()
        .Field(new Field("id", Int64Type.Default, nullable: false))
        .Field(new Field("lb", new ListType(new Field("item", BooleanType.Default, true)), nullable: true))
        .Field(new Field("ld", new ListType(new Field("item", Date32Type.Default, true)), nullable: true))
        .Field(new Field("lts", new ListType(new Field("item", Utc, true)), nullable: true))
        .Build();

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDb_reads_lists_of_booleans_dates_and_timestamps_with_their_nulls(ParquetWriterEngine engine)
    {
        Table table = new TableStore(_warehouse.Root, new TableStoreOptions { Writer = engine }).OpenTable("stellantis", "typed_lists");
        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, ListSchema))
        {
            using RecordBatch batch = Batch();
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        var rows = Warehouse.Query(
            $"SELECT id, CAST(lb AS VARCHAR), CAST(ld AS VARCHAR), CAST(list_transform(lts, t -> epoch_us(t)) AS VARCHAR) FROM {Warehouse.ReadParquet(table.ParquetGlob)} ORDER BY id");

        Assert.Equal(
        [
            [0L, "[true, NULL, false]", "[2025-10-03, NULL]", "[1759493106123456, NULL]"],
            [1L, "[]", "[]", "[]"],
            [2L, null, null, null],
        ], rows.Select(r => r.ToArray()));
    }

    /// <summary>Row 0: three items (the second null) or two; row 1: empty; row 2: null.</summary>
    private static RecordBatch Batch()
    {
        var bools = new BooleanArray.Builder().Append(true).AppendNull().Append(false).Build();
        var dates = new Date32Array.Builder().Append(new DateOnly(2025, 10, 3)).AppendNull().Build();
        var stamps = new TimestampArray.Builder(Utc).Append(DateTimeOffset.FromUnixTimeMilliseconds(1759493106123).AddTicks(4560)).AppendNull().Build();
        var id = new Int64Array.Builder().Append(0).Append(1).Append(2).Build();
        return new RecordBatch(ListSchema, [id, List(ListSchema.GetFieldByName("lb"), bools), List(ListSchema.GetFieldByName("ld"), dates), List(ListSchema.GetFieldByName("lts"), stamps)], 3);
    }

    /// <summary>A list column of three rows over <paramref name="items"/>: all of them, none, null.</summary>
    private static ListArray List(Field field, IArrowArray items)
    {
        var offsets = new ArrowBuffer.Builder<int>().Append(0).Append(items.Length).Append(items.Length).Append(items.Length).Build();
        var validity = new ArrowBuffer.BitmapBuilder().Append(true).Append(true).Append(false).Build();
        return new ListArray(new ArrayData(field.DataType, 3, 1, 0, [validity, offsets], [items.Data]));
    }
}
