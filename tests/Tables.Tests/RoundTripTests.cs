using Apache.Arrow;
using Ingest.Hashing;

namespace Ingest.Tables.Tests;

public sealed class RoundTripTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private async Task<Table> WriteAllTypesAsync(int batches, int rows, TableStoreOptions? options = null)
    {
        Table table = new TableStore(_warehouse.Root, options).OpenTable("stellantis", "all_types");
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, AllTypes.Schema);
        for (int b = 0; b < batches; b++)
        {
            using RecordBatch batch = AllTypes.Create(b * rows, rows);
            await writer.WriteAsync(batch);
        }
        await writer.CommitAsync();
        return table;
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDbReadsEveryColumnTypeAsTheMatchingLogicalType(ParquetWriterEngine engine)
    {
        Table table = await WriteAllTypesAsync(1, 10, new TableStoreOptions { Writer = engine });

        var types = Warehouse.Query($"DESCRIBE SELECT * FROM {Warehouse.ReadParquet(table.ParquetGlob)}")
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

        Assert.Equal("BIGINT", types["id"]);
        Assert.Equal("VARCHAR", types["s"]);
        Assert.Equal("INTEGER", types["i32"]);
        Assert.Equal("BIGINT", types["i64"]);
        Assert.Equal("DOUBLE", types["f64"]);
        Assert.Equal("DECIMAL(10,2)", types["dec"]);
        Assert.Equal("BOOLEAN", types["b"]);
        Assert.Equal("DATE", types["d"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["ts"]);
        Assert.Equal("VARCHAR[]", types["ls"]);
        Assert.Equal("INTEGER[]", types["li"]);
        Assert.Equal("BIGINT[]", types["ll"]);
        Assert.Equal("DOUBLE[]", types["lf"]);
        Assert.Equal("DECIMAL(10,2)[]", types["ldec"]);
        Assert.Equal("DATE", types["partition_date"]);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDbReadsBackEveryValueIncludingNullsEmptyStringsAndLists(ParquetWriterEngine engine)
    {
        const int Rows = 1_000;
        Table table = await WriteAllTypesAsync(4, Rows / 4, new TableStoreOptions { Writer = engine });

        var rows = Warehouse.Query(
            "SELECT id, s, i32, i64, f64, dec, b, strftime(d, '%Y-%m-%d'), epoch_us(ts), " +
            "CAST(ls AS VARCHAR), CAST(li AS VARCHAR), CAST(ll AS VARCHAR), CAST(ldec AS VARCHAR), len(lf), lf[1] " +
            $"FROM {Warehouse.ReadParquet(table.ParquetGlob)} ORDER BY id");

        Assert.Equal(Rows, rows.Count);
        foreach (object?[] row in rows)
        {
            long id = (long)row[0]!;
            Assert.Equal(AllTypes.S(id), (string?)row[1]);
            Assert.Equal(AllTypes.I32(id), (int?)row[2]);
            Assert.Equal(AllTypes.I64(id), (long?)row[3]);
            Assert.Equal(AllTypes.F64(id), (double?)row[4]);
            Assert.Equal(AllTypes.Dec(id), (decimal?)row[5]);
            Assert.Equal(AllTypes.B(id), (bool?)row[6]);
            Assert.Equal(AllTypes.D(id)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)row[7]);
            Assert.Equal(AllTypes.Ts(id), (long?)row[8]);
            Assert.Equal(AllTypes.ListText(id, AllTypes.Element), (string?)row[9]);
            Assert.Equal(AllTypes.ListText(id, (r, j) => (r + j).ToString(System.Globalization.CultureInfo.InvariantCulture)), (string?)row[10]);
            Assert.Equal(AllTypes.ListText(id, (r, j) => (r * 1000 + j).ToString(System.Globalization.CultureInfo.InvariantCulture)), (string?)row[11]);
            Assert.Equal(AllTypes.ListText(id, (r, j) => AllTypes.ElementMoney(r, j).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)), (string?)row[12]);
            int shape = AllTypes.ListShape(id);
            Assert.Equal(shape < 0 ? null : (long?)shape, row[13] is null ? null : Convert.ToInt64(row[13], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(shape > 0 ? (double?)id : null, (double?)row[14]);
        }
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDbSeesTheTimestampAsUtcAndTheDecimalExactly(ParquetWriterEngine engine)
    {
        Table table = await WriteAllTypesAsync(1, 10, new TableStoreOptions { Writer = engine });

        var row = Warehouse.Query(
            "SET TimeZone = 'America/New_York'; " +
            $"SELECT strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%f'), CAST(dec AS VARCHAR) FROM {Warehouse.ReadParquet(table.ParquetGlob)} WHERE id = 9")[0];

        DateTime expected = DateTime.UnixEpoch.AddTicks(AllTypes.Ts(9)!.Value * 10);
        Assert.Equal(expected.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture), row[0]);
        Assert.Equal(AllTypes.Dec(9)!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), row[1]);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task OwnReaderStreamsRowGroupsBackWithTheSameSchemaAndValues(ParquetWriterEngine engine)
    {
        var options = new TableStoreOptions { RowGroupRows = 300, Writer = engine };
        Table table = await WriteAllTypesAsync(5, 200, options);
        var hasher = new SnapshotHasher();
        var expected = new ulong[1_000];
        using (RecordBatch all = AllTypes.Create(0, 1_000)) hasher.HashRows(all, expected);

        var actual = new List<ulong>();
        var sizes = new List<int>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day))
        {
            using (batch)
            {
                Assert.Equal(SchemaFingerprint.Describe(AllTypes.Schema), SchemaFingerprint.Describe(batch.Schema));
                var hashes = new ulong[batch.Length];
                hasher.HashRows(batch, hashes);
                actual.AddRange(hashes);
                sizes.Add(batch.Length);
                Assert.Equal(AllTypes.S(((Int64Array)batch.Column(0)).GetValue(0)!.Value), ((StringArray)batch.Column(1)).GetString(0));
            }
        }

        Assert.Equal([300, 300, 300, 100], sizes);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task OwnReaderReadsOnlyTheNamedColumnsInTheTablesOrder()
    {
        Table table = await WriteAllTypesAsync(2, 500);
        var hasher = new SnapshotHasher();
        var expected = new ulong[1_000];
        int[] wanted = [1, 9, 13]; // s, ls, ldec
        using (RecordBatch all = AllTypes.Create(0, 1_000))
        {
            var projected = new RecordBatch(new Schema(wanted.Select(c => AllTypes.Schema.FieldsList[c]), null), wanted.Select(all.Column), all.Length);
            hasher.HashRows(projected, expected);
        }

        var actual = new List<ulong>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day, ["ldec", "s", "not_a_column", "ls"]))
        {
            using (batch)
            {
                Assert.Equal(["s", "ls", "ldec"], batch.Schema.FieldsList.Select(f => f.Name));
                var hashes = new ulong[batch.Length];
                hasher.HashRows(batch, hashes);
                actual.AddRange(hashes);
            }
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task OwnReaderReadsALargeRowGroupInBatchesOfAtMost8192Rows()
    {
        Table table = await WriteAllTypesAsync(1, 20_000, new TableStoreOptions { RowGroupRows = 50_000 });

        var sizes = new List<int>();
        var ids = new List<long>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day))
        {
            using (batch)
            {
                sizes.Add(batch.Length);
                ids.AddRange(((Int64Array)batch.Column(0)).Values.ToArray());
            }
        }
        Assert.Equal([8_192, 8_192, 3_616], sizes);
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task SmallBatchesGatheredAroundALargeOneKeepTheirOrder()
    {
        // The ParquetSharp writer gathers batches under 8,192 rows and writes larger ones as they are: the gathered
        // rows must go out before the large batch that follows them.
        Table table = new TableStore(_warehouse.Root).OpenTable("stellantis", "gathered");
        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, AllTypes.Schema))
        {
            foreach ((long first, int rows) in new[] { (0L, 10), (10L, 9_000), (9_010L, 7), (9_017L, 300) })
            {
                using RecordBatch batch = AllTypes.Create(first, rows);
                await writer.WriteAsync(batch);
            }
            await writer.CommitAsync();
        }

        var ids = new List<long>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day))
        {
            using (batch) ids.AddRange(((Int64Array)batch.Column(0)).Values.ToArray());
        }
        Assert.Equal(Enumerable.Range(0, 9_317).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task DuckDbSeesHivePartitionsAsADateColumn()
    {
        Table table = new TableStore(_warehouse.Root).OpenTable("stellantis", "vehicles");
        foreach ((DateOnly day, int rows) in new[] { (new DateOnly(2026, 11, 26), 30), (new DateOnly(2026, 11, 27), 50) })
        {
            await using PartitionWriter writer = table.CreatePartitionWriter(day, AllTypes.Schema);
            using RecordBatch batch = AllTypes.Create(0, rows);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        var counts = Warehouse.Query($"SELECT strftime(partition_date, '%Y-%m-%d'), count(*) FROM {Warehouse.ReadParquet(table.ParquetGlob)} GROUP BY ALL ORDER BY 1");

        Assert.Equal([["2026-11-26", 30L], ["2026-11-27", 50L]], counts.Select(r => new object?[] { r[0], Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture) }).ToArray());
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)], table.Partitions());
        Assert.True(File.Exists(Path.Combine(table.Location, "partition_date=2026-11-27", "part-00000.parquet")));
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task AnEmptyPartitionCommitsWithItsSchema(ParquetWriterEngine engine)
    {
        Table table = new TableStore(_warehouse.Root, new TableStoreOptions { Writer = engine }).OpenTable("stellantis", "empty");
        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, AllTypes.Schema))
            await writer.CommitAsync();

        Assert.Equal(0L, Warehouse.Scalar<long>($"SELECT count(*) FROM {Warehouse.ReadParquet(table.ParquetGlob)}"));
        Assert.Equal(0, table.ReadManifest(Day)!.RowCount);
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day)) batch.Dispose();
    }

    [Fact]
    public async Task ABatchOfAnotherSchemaIsRefusedWithTheColumnNamed()
    {
        Table table = new TableStore(_warehouse.Root).OpenTable("stellantis", "vehicles");
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, AllTypes.Schema);
        using RecordBatch other = CrashHelper.CrashBatches.Create(1, 0, 3);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await writer.WriteAsync(other));
        Assert.Contains("columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task SlicedArraysAreWrittenFromTheirOffset(ParquetWriterEngine engine)
    {
        Table table = new TableStore(_warehouse.Root, new TableStoreOptions { Writer = engine }).OpenTable("stellantis", "sliced");
        using RecordBatch whole = AllTypes.Create(0, 100);
        using RecordBatch slice = whole.Slice(37, 20);
        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, AllTypes.Schema))
        {
            await writer.WriteAsync(slice);
            await writer.CommitAsync();
        }

        var rows = Warehouse.Query($"SELECT id, s, CAST(ls AS VARCHAR) FROM {Warehouse.ReadParquet(table.ParquetGlob)} ORDER BY id");
        Assert.Equal(Enumerable.Range(37, 20).Select(i => (long)i), rows.Select(r => (long)r[0]!));
        Assert.All(rows, r => Assert.Equal(AllTypes.S((long)r[0]!), r[1]));
        Assert.All(rows, r => Assert.Equal(AllTypes.ListText((long)r[0]!, AllTypes.Element), r[2]));
    }
}
