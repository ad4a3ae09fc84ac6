using Apache.Arrow;
using Ingest.Tables.CrashHelper;

namespace Ingest.Tables.Tests;

public sealed class RowGroupTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private static long RowGroups(string glob) =>
        Warehouse.Scalar<long>($"SELECT count(DISTINCT (file_name, row_group_id)) FROM parquet_metadata('{glob}')");

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task ManySmallChunksBecomeFewRowGroupsOfTheTargetSize(ParquetWriterEngine engine)
    {
        Table table = new TableStore(_warehouse.Root, new TableStoreOptions { RowGroupRows = 20_000, Writer = engine }).OpenTable("t", "chunks");
        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema))
        {
            for (int chunk = 0; chunk < 200; chunk++)
            {
                using RecordBatch batch = CrashBatches.Create(1, chunk * 256, 256);
                await writer.WriteAsync(batch);
            }
            await writer.CommitAsync();
        }

        Assert.Equal(3, RowGroups(table.ParquetGlob));
        var sizes = Warehouse.Query($"SELECT row_group_num_rows FROM parquet_metadata('{table.ParquetGlob}') GROUP BY ALL ORDER BY 1 DESC")
            .Select(r => (long)r[0]!).ToArray();
        Assert.Equal([20_000L, 11_200L], sizes);
        Assert.Equal(51_200L, Warehouse.Scalar<long>($"SELECT count(DISTINCT id) FROM {Warehouse.ReadParquet(table.ParquetGlob)}"));
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task ABigBatchIsSplitAtTheRowGroupTarget(ParquetWriterEngine engine)
    {
        Table table = new TableStore(_warehouse.Root, new TableStoreOptions { RowGroupRows = 1_000, Writer = engine }).OpenTable("t", "big");
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        using RecordBatch batch = CrashBatches.Create(1, 0, 4_500);
        await writer.WriteAsync(batch);
        await writer.CommitAsync();

        Assert.Equal(5, RowGroups(table.ParquetGlob));
        Assert.Equal(5, writer.RowGroupCount);
        Assert.Equal(Enumerable.Range(0, 4_500).Select(i => (long)i),
            Warehouse.Query($"SELECT id FROM {Warehouse.ReadParquet(table.ParquetGlob)} ORDER BY id").Select(r => (long)r[0]!));
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task TheByteBudgetClosesARowGroupBeforeTheRowTarget(ParquetWriterEngine engine)
    {
        var options = new TableStoreOptions { RowGroupRows = 1_000_000, RowGroupBytes = 64 * 1024, Writer = engine };
        Table table = new TableStore(_warehouse.Root, options).OpenTable("t", "bytes");
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        for (int chunk = 0; chunk < 40; chunk++)
        {
            using RecordBatch batch = CrashBatches.Create(1, chunk * 1_000, 1_000);
            await writer.WriteAsync(batch);
        }
        await writer.CommitAsync();

        Assert.InRange(RowGroups(table.ParquetGlob), 5, 40);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task FilesRollAtTheSizeLimitAndAllRowsStayReadable(ParquetWriterEngine engine)
    {
        var options = new TableStoreOptions { RowGroupRows = 2_000, FileBytes = 1, Writer = engine };
        Table table = new TableStore(_warehouse.Root, options).OpenTable("t", "rolled");
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        for (int chunk = 0; chunk < 10; chunk++)
        {
            using RecordBatch batch = CrashBatches.Create(1, chunk * 1_000, 1_000);
            await writer.WriteAsync(batch);
        }
        PartitionManifest manifest = await writer.CommitAsync();

        Assert.Equal(5, manifest.Files.Count);
        Assert.Equal(10_000L, Warehouse.Scalar<long>($"SELECT count(*) FROM {Warehouse.ReadParquet(table.ParquetGlob)}"));
        long read = 0;
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day))
        {
            using (batch) read += batch.Length;
        }
        Assert.Equal(10_000, read);
    }
}
