using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tables.Tests;

/// <summary>
/// Struct and list-of-struct columns (<see cref="StructColumns"/>) through the table store: written by each writer
/// (parquet-cpp, Parquet.Net), read back by our reader and by DuckDB with every value, null struct, null field, empty
/// and null list intact; gathered from small and sliced batches; projected; fingerprinted. A list directly inside a
/// list is refused up front by the Parquet.Net writer.
/// </summary>
public sealed class StructColumnTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private Table OpenTable(string name, TableStoreOptions? options = null) => new TableStore(_warehouse.Root, options).OpenTable("places", name);

    private static async Task WriteAsync(Table table, IEnumerable<Func<RecordBatch>> batches)
    {
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, StructColumns.Schema);
        foreach (Func<RecordBatch> create in batches)
        {
            using RecordBatch batch = create();
            await writer.WriteAsync(batch);
        }
        await writer.CommitAsync();
    }

    /// <summary>Every batch of the partition (or of its <paramref name="columns"/>) checked against its ids; returns the ids in order.</summary>
    private static async Task<List<long>> ReadAndCheckAsync(Table table, IReadOnlyList<string>? columns = null, Func<int, long>? idOfRow = null)
    {
        var ids = new List<long>();
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day, columns))
        {
            using (batch)
            {
                Schema expected = new(StructColumns.Schema.FieldsList.Where(f => columns is null || columns.Contains(f.Name)), null);
                Assert.Equal(SchemaFingerprint.Describe(expected), SchemaFingerprint.Describe(batch.Schema));
                for (int c = 0; c < batch.ColumnCount; c++)
                {
                    // Field names at every depth (a list's element is "item", as written), in the schema and in the arrays.
                    Assert.Equal(ArrowText.TypeOf(expected.FieldsList[c].DataType), ArrowText.TypeOf(batch.Schema.FieldsList[c].DataType));
                    Assert.Equal(ArrowText.TypeOf(expected.FieldsList[c].DataType), ArrowText.TypeOf(batch.Column(c).Data));
                }
                List<long> batchIds = [.. Enumerable.Range(ids.Count, batch.Length).Select(row => idOfRow?.Invoke(row) ?? ((Int64Array)batch.Column(0)).GetValue(row - ids.Count)!.Value)];
                StructColumns.AssertRows(batch, batchIds);
                ids.AddRange(batchIds);
            }
        }
        return ids;
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task Struct_and_list_of_struct_columns_read_back_with_every_value(ParquetWriterEngine engine)
    {
        // 3 × 700 rows in row groups of 1,000: the writer slices the batches at the row-group boundaries.
        Table table = OpenTable("round_trip", new TableStoreOptions { RowGroupRows = 1_000, Writer = engine });
        await WriteAsync(table, Enumerable.Range(0, 3).Select(b => (Func<RecordBatch>)(() => StructColumns.Create(b * 700, 700))));

        List<long> ids = await ReadAndCheckAsync(table);

        Assert.Equal(Enumerable.Range(0, 2_100).Select(i => (long)i), ids);
        Assert.Equal(
            "id:int64;hours:struct<closed: bool?, open_time: utf8?, opened: date32?, updated: timestamp[us, UTC]?, fee: decimal128(10,2)?, " +
            "visits: int32?, rank: int64?, score: float64?, tags: list<utf8?>?>?;note:utf8?;" +
            "offers:list<struct<amount: decimal128(12,2)?, name: utf8?, starts: date32?, seen: timestamp[us, UTC]?, flags: list<int32?>?>?>?;tail:int32;",
            SchemaFingerprint.Describe(StructColumns.Schema));
        Assert.Equal(SchemaFingerprint.Compute(StructColumns.Schema), table.ReadManifest(Day)!.SchemaFingerprint);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDb_reads_struct_fields_and_lists_of_structs_as_their_logical_types(ParquetWriterEngine engine)
    {
        Table table = OpenTable("duckdb_types", new TableStoreOptions { Writer = engine });
        await WriteAsync(table, [() => StructColumns.Create(0, 10)]);

        var types = Warehouse.Query($"DESCRIBE SELECT * FROM {Warehouse.ReadParquet(table.ParquetGlob)}")
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

        Assert.Equal(
            "STRUCT(closed BOOLEAN, open_time VARCHAR, opened DATE, updated TIMESTAMP WITH TIME ZONE, fee DECIMAL(10,2), " +
            "visits INTEGER, rank BIGINT, score DOUBLE, tags VARCHAR[])",
            types["hours"]);
        Assert.Equal(
            "STRUCT(amount DECIMAL(12,2), \"name\" VARCHAR, starts DATE, seen TIMESTAMP WITH TIME ZONE, flags INTEGER[])[]",
            types["offers"]);
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task DuckDb_reads_back_every_struct_field_null_struct_and_list_of_structs(ParquetWriterEngine engine)
    {
        const int Rows = 1_200;
        Table table = OpenTable("duckdb_values", new TableStoreOptions { Writer = engine });
        await WriteAsync(table, Enumerable.Range(0, 4).Select(b => (Func<RecordBatch>)(() => StructColumns.Create(b * (Rows / 4), Rows / 4))));

        var rows = Warehouse.Query(
            "SELECT id, hours IS NULL, hours.closed, hours.open_time, strftime(hours.opened, '%Y-%m-%d'), epoch_us(hours.updated), " +
            "hours.fee, hours.visits, hours.rank, hours.score, CAST(hours.tags AS VARCHAR), " +
            "len(offers), offers[1].amount, CAST(list_transform(offers, lambda o: o IS NULL) AS VARCHAR), " +
            "CAST(list_transform(offers, lambda o: o.amount) AS VARCHAR), CAST(list_transform(offers, lambda o: o.name) AS VARCHAR), " +
            "CAST(list_transform(offers, lambda o: strftime(o.starts, '%Y-%m-%d')) AS VARCHAR), " +
            "CAST(list_transform(offers, lambda o: epoch_us(o.seen)) AS VARCHAR), CAST(list_transform(offers, lambda o: o.flags) AS VARCHAR), note, tail " +
            $"FROM {Warehouse.ReadParquet(table.ParquetGlob)} ORDER BY id");

        Assert.Equal(Rows, rows.Count);
        foreach (object?[] row in rows)
        {
            long id = (long)row[0]!;
            bool hoursNull = StructColumns.HoursIsNull(id);
            Assert.Equal(hoursNull, (bool)row[1]!);
            Assert.Equal(hoursNull ? null : StructColumns.Closed(id), (bool?)row[2]);
            Assert.Equal(hoursNull ? null : StructColumns.OpenTime(id), (string?)row[3]);
            Assert.Equal(hoursNull ? null : StructColumns.Opened(id)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)row[4]);
            Assert.Equal(hoursNull ? null : StructColumns.Updated(id), (long?)row[5]);
            Assert.Equal(hoursNull ? null : StructColumns.HoursFee(id), (decimal?)row[6]);
            Assert.Equal(hoursNull ? null : StructColumns.Visits(id), (int?)row[7]);
            Assert.Equal(hoursNull ? null : StructColumns.Rank(id), (long?)row[8]);
            Assert.Equal(hoursNull ? null : StructColumns.Score(id), (double?)row[9]);
            Assert.Equal(hoursNull ? null : DuckList(StructColumns.Tags(id)), (string?)row[10]);

            int shape = StructColumns.OffersShape(id);
            int[] offers = [.. Enumerable.Range(0, Math.Max(shape, 0))];
            Assert.Equal(shape < 0 ? null : (int?)shape, row[11] is null ? null : Convert.ToInt32(row[11], CultureInfo.InvariantCulture));
            Assert.Equal(shape > 0 ? StructColumns.OfferAmount(id, 0) : null, (decimal?)row[12]);
            string? Offers(Func<int, string?> field) => shape < 0 ? null : DuckList([.. offers.Select(j => StructColumns.OfferIsNull(j) ? null : field(j))]);
            Assert.Equal(shape < 0 ? null : DuckList([.. offers.Select(j => StructColumns.OfferIsNull(j) ? "true" : "false")]), (string?)row[13]);
            Assert.Equal(Offers(j => StructColumns.OfferAmount(id, j)?.ToString("0.00", CultureInfo.InvariantCulture)), (string?)row[14]);
            Assert.Equal(Offers(j => StructColumns.OfferName(id, j)), (string?)row[15]);
            Assert.Equal(Offers(j => StructColumns.OfferStarts(id, j).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (string?)row[16]);
            Assert.Equal(Offers(j => StructColumns.OfferSeen(id, j).ToString(CultureInfo.InvariantCulture)), (string?)row[17]);
            Assert.Equal(Offers(j => StructColumns.OfferFlags(id, j) is { } flags
                ? DuckList([.. flags.Select(f => f?.ToString(CultureInfo.InvariantCulture))]) : null), (string?)row[18]);
            Assert.Equal(StructColumns.Note(id), (string?)row[19]);
            Assert.Equal(StructColumns.Tail(id), (int)row[20]!);
        }
    }

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task Many_small_and_sliced_batches_are_gathered_with_every_value(ParquetWriterEngine engine)
    {
        // Batches of 1 to 37 rows (gathered before parquet-cpp sees them); slices of a larger batch at offsets that
        // are not multiples of 8, whose struct children are not sliced with them; and batches whose struct children
        // are slices of their own.
        var batches = new List<Func<RecordBatch>>();
        var expected = new List<long>();
        long next = 0;
        for (int size = 1; size <= 37; size++)
        {
            (long first, int rows) = (next, size);
            batches.Add(() => StructColumns.Create(first, rows));
            expected.AddRange(Enumerable.Range(0, rows).Select(i => first + i));
            next += rows;
        }
        foreach ((int start, int length) in new[] { (3, 5), (13, 250), (263, 1), (301, 99), (411, 89) })
        {
            // Each slice of a batch of its own: disposing a slice frees the buffers it shares.
            batches.Add(() => SliceOf(StructColumns.Create(10_000, 500), start, length));
            expected.AddRange(Enumerable.Range(10_000 + start, length).Select(i => (long)i));
        }
        foreach ((long first, int rows, int childOffset) in new[] { (20_000L, 30, 3), (20_030L, 17, 11) })
        {
            batches.Add(() => StructColumns.Create(first, rows, childOffset));
            expected.AddRange(Enumerable.Range(0, rows).Select(i => first + i));
        }
        batches.Add(() =>
        {
            RecordBatch noNulls = StructColumns.Create(20_100, 4);
            Assert.True(noNulls.Column(1).Data.Buffers[0].IsEmpty); // no null struct in rows 20,100..20,103
            return SliceOf(noNulls, 1, 3);
        });
        expected.AddRange([20_101, 20_102, 20_103]);
        Table table = OpenTable("gathered", new TableStoreOptions { Writer = engine });
        await WriteAsync(table, batches);

        List<long> ids = await ReadAndCheckAsync(table);

        Assert.Equal(expected, ids);
        Assert.Equal(1, table.ReadManifest(Day)!.Files.Sum(f => f.RowGroups));
        Assert.Equal(expected.Count(StructColumns.HoursIsNull),
            Warehouse.Scalar<long>($"SELECT count(*) FROM {Warehouse.ReadParquet(table.ParquetGlob)} WHERE hours IS NULL"));
    }

    [Fact]
    public void The_gatherer_copies_struct_slices_from_their_offset_into_the_rows_they_hold()
    {
        using RecordBatch source = StructColumns.Create(0, 400);
        (int Start, int Length)[] slices = [(3, 5), (13, 250), (263, 1), (301, 99)];
        var gatherer = new BatchGatherer(StructColumns.Schema, expectedRows: 1_000);
        foreach ((int start, int length) in slices) gatherer.Append(SliceOf(source, start, length));
        using (RecordBatch ownChildren = StructColumns.Create(1_000, 20, childOffset: 5)) gatherer.Append(ownChildren);
        // Rows 1,014..1,017 have no null struct: its validity is ArrowBuffer.Empty, in the slice too.
        using RecordBatch noNulls = StructColumns.Create(1_014, 4);
        Assert.True(noNulls.Column(1).Data.Buffers[0].IsEmpty);
        gatherer.Append(SliceOf(noNulls, 1, 3));

        RecordBatch gathered = gatherer.Build();

        long[] ids = [.. slices.SelectMany(s => Enumerable.Range(s.Start, s.Length)).Concat(Enumerable.Range(1_000, 20)).Concat(Enumerable.Range(1_015, 3)).Select(i => (long)i)];
        StructColumns.AssertRows(gathered, ids);
        Assert.Equal(ids.Count(StructColumns.HoursIsNull), gathered.Column(1).NullCount);
        Assert.Equal(ids.Count(id => StructColumns.OffersShape(id) < 0), gathered.Column(3).NullCount);
        Assert.InRange(gatherer.Bytes, ArrowSizes.Bytes(gathered) - 64, ArrowSizes.Bytes(gathered) + 64);
    }

    [Fact]
    public void The_bytes_of_a_sliced_struct_are_those_of_its_fields_over_its_own_rows()
    {
        using RecordBatch whole = StructColumns.Create(0, 400);
        RecordBatch slice = SliceOf(whole, 150, 200);
        ArrayData hours = slice.Column(1).Data;

        long fields = 0;
        for (int f = 0; f < hours.Children.Length; f++)
            fields += ArrowSizes.Bytes(OneColumn(StructColumns.HoursType.Fields[f], ArrowArrayFactory.BuildArray(hours.Children[f].Slice(hours.Offset, hours.Length))));

        Assert.Equal(fields + (200 + 7) / 8, ArrowSizes.Bytes(OneColumn(StructColumns.Schema.GetFieldByName("hours"), slice.Column(1))));
    }

    private static RecordBatch OneColumn(Field field, IArrowArray column) => new(new Schema([field], null), [column], column.Length);

    [Theory]
    [InlineData(ParquetWriterEngine.ParquetSharp)]
    [InlineData(ParquetWriterEngine.ParquetNet)]
    public async Task A_struct_column_can_be_read_alone_or_with_others_in_the_tables_order(ParquetWriterEngine engine)
    {
        Table table = OpenTable("projected", new TableStoreOptions { RowGroupRows = 400, Writer = engine });
        await WriteAsync(table, [() => StructColumns.Create(0, 1_000)]);

        List<long> structOnly = await ReadAndCheckAsync(table, ["hours"], row => row);
        List<long> mixed = await ReadAndCheckAsync(table, ["tail", "offers", "nope", "id"]);
        List<long> listOfStructs = await ReadAndCheckAsync(table, ["offers"], row => row);

        Assert.Equal(1_000, structOnly.Count);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (long)i), mixed);
        Assert.Equal(1_000, listOfStructs.Count);
        await foreach (RecordBatch batch in table.ReadPartitionAsync(Day, ["tail", "hours"]))
        {
            using (batch) Assert.Equal(["hours", "tail"], batch.Schema.FieldsList.Select(f => f.Name));
        }
    }

    [Fact]
    public void A_structs_fingerprint_changes_with_a_field_renamed_reordered_retyped_or_made_required()
    {
        Field[] fields = [new("closed", BooleanType.Default, true), new("open_time", StringType.Default, true)];
        string Fingerprint(params Field[] structFields) =>
            SchemaFingerprint.Compute(new Schema([new Field("id", Int64Type.Default, false), new Field("hours", new StructType(structFields), true)], null));

        string[] fingerprints =
        [
            Fingerprint(fields),
            Fingerprint(new Field("closed", BooleanType.Default, true), new Field("opens", StringType.Default, true)),
            Fingerprint(fields[1], fields[0]),
            Fingerprint(fields[0], new Field("open_time", Int32Type.Default, true)),
            Fingerprint(fields[0], new Field("open_time", StringType.Default, false)),
            Fingerprint(fields[0], new Field("open_time", new ListType(new Field("item", StringType.Default, true)), true)),
            Fingerprint(fields[0], new Field("open_time", new ListType(new Field("item", StringType.Default, false)), true)),
            Fingerprint(fields[0], new Field("open_time", new StructType([new Field("at", StringType.Default, true)]), true)),
            Fingerprint(fields[0]),
            // Names that could read as another struct's punctuation are quoted.
            Fingerprint(new Field("closed: bool?, open_time", StringType.Default, true)),
        ];

        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        Assert.Equal(Fingerprint(fields), Fingerprint(new Field("closed", BooleanType.Default, true), new Field("open_time", StringType.Default, true)));
        Assert.Equal("struct<closed: bool?, open_time: utf8?>", SchemaFingerprint.TypeName(new StructType(fields)));
    }

    [Theory]
    [InlineData("lists", "list<list<int32?>?>", "lists[]")]
    [InlineData("offers", "list<struct<flags: list<list<int32?>?>?>?>", "offers[].flags[]")]
    public async Task The_ParquetNet_writer_refuses_a_list_in_a_list_before_anything_is_written_and_names_the_writer_to_use(string column, string type, string path)
    {
        var ints = new ListType(new Field("item", new ListType(new Field("item", Int32Type.Default, true)), true));
        IArrowType columnType = column == "lists" ? ints : new ListType(new Field("item", new StructType([new Field("flags", ints, true)]), true));
        var schema = new Schema([StructColumns.Schema.FieldsList[0], StructColumns.Schema.GetFieldByName("hours"), new Field(column, columnType, true)], null);
        Table table = OpenTable("parquet_net", new TableStoreOptions { Writer = ParquetWriterEngine.ParquetNet });

        var error = Assert.Throws<NotSupportedException>(() => table.CreatePartitionWriter(Day, schema));

        Assert.StartsWith($"Column {column} is {type}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"list directly inside a list ({path})", error.Message, StringComparison.Ordinal);
        Assert.Contains("ParquetWriterEngine.ParquetSharp", error.Message, StringComparison.Ordinal);
        Assert.Empty(table.Partitions());
        Assert.Empty(table.StagedPartitions());
        // The default writer takes the same schema.
        await using PartitionWriter writer = OpenTable("parquet_sharp").CreatePartitionWriter(Day, schema);
    }

    [Fact]
    public void A_struct_with_a_field_the_store_does_not_write_is_refused_with_the_fields_path()
    {
        var schema = new Schema([new Field("offers", new ListType(new Field("item", new StructType([new Field("ratio", FloatType.Default, true)]), true)), true)], null);

        var error = Assert.Throws<NotSupportedException>(() => ParquetSchemaMapping.EnsureWritable(schema));

        Assert.StartsWith("Column offers is list<struct<ratio: float?>?>; offers[].ratio is float, which the table store does not write", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A slice as the consolidated stage and the writer make them: the struct's offset moves, its children's do not.</summary>
    private static RecordBatch SliceOf(RecordBatch batch, int start, int length)
    {
        RecordBatch slice = batch.Slice(start, length);
        ArrayData hours = slice.Column(1).Data;
        Assert.Equal(start, hours.Offset);
        Assert.All(hours.Children, child => Assert.Equal(0, child.Offset));
        return slice;
    }

    /// <summary>A list as DuckDB casts it to text: <c>[a, NULL, b]</c>.</summary>
    private static string? DuckList(IReadOnlyList<string?>? items) =>
        items is null ? null : "[" + string.Join(", ", items.Select(i => i ?? "NULL")) + "]";
}
