using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Ingest.Tables;
using Ingest.Tests;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers.Tests;

/// <summary>
/// Struct columns in the consolidated tier's history: carried by name as they are (slices included), read as null
/// when the history lacks them, and refused when their fields changed (a retyped column).
/// </summary>
public sealed class StructHistoryTests : IDisposable
{
    private static readonly DateOnly HistoryDate = new(2026, 11, 27);

    private static readonly Hours Morning = new(false, "09:00", 40, 1_234_567, 4.5, 12.50m, new DateOnly(2025, 11, 27), 1_764_201_600_000_000, ["drive-in", null]);

    private static readonly Hours?[] HoursValues = [Morning, null, Hours.AllNull, Morning with { Closed = true }, null, Morning with { Tags = [] }];

    private static readonly Hours?[]?[] WeekValues = [[Morning], null, [], [null, Hours.AllNull], [Morning, Morning with { Seats = 3 }], [null]];

    private static readonly Schema OutputSchema = ConsolidatedTier.SchemaFor(new Schema.Builder()
        .Field(new Field("store_id", StringType.Default, true))
        .Field(new Field("hours", HoursArrays.HoursType, true))
        .Field(new Field("week", HoursArrays.WeekType, true))
        .Field(SnapshotHasher.Field)
        .Build());

    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private Table Output => new TableStore(_warehouse.Root).OpenTable("consolidated", "store_hours");

    [Fact]
    public void All_null_struct_and_list_of_struct_columns_are_valid_arrays_of_nulls()
    {
        foreach (int rows in new[] { 0, 1, 7, 8, 9, 100 })
        {
            IArrowArray hours = ArrowColumns.AllNull(HoursArrays.HoursType, rows);
            IArrowArray week = ArrowColumns.AllNull(HoursArrays.WeekType, rows);

            var structArray = Assert.IsType<StructArray>(hours);
            Assert.Equal(rows, structArray.Length);
            Assert.Equal(rows, structArray.NullCount);
            Assert.Equal(HoursArrays.HoursType.Fields.Count, structArray.Fields.Count);
            Assert.All(structArray.Data.Children, child => Assert.Equal(rows, child.Length));
            var listArray = Assert.IsType<ListArray>(week);
            Assert.Equal(rows, listArray.NullCount);
            Assert.IsType<StructArray>(listArray.Values);
            Assert.Equal(0, listArray.Values.Length);
            ArrowLayout.AssertValid(hours.Data);
            ArrowLayout.AssertValid(week.Data);

            Assert.All(Enumerable.Range(0, rows), row => Assert.Null(ArrowValueFormatter.Format(hours, row)));
            Assert.All(Enumerable.Range(0, rows), row => Assert.Null(ArrowValueFormatter.Format(week, row)));

            // Arrow's own IPC writer and reader take the arrays as they are, and give back nulls of the same types.
            Schema schema = new Schema.Builder().Field(new Field("hours", HoursArrays.HoursType, true)).Field(new Field("week", HoursArrays.WeekType, true)).Build();
            using RecordBatch read = RoundTrip(new RecordBatch(schema, [hours, week], rows));
            Assert.Equal(SchemaFingerprint.TypeName(HoursArrays.HoursType), SchemaFingerprint.TypeName(read.Column(0).Data.DataType));
            Assert.Equal(SchemaFingerprint.TypeName(HoursArrays.WeekType), SchemaFingerprint.TypeName(read.Column(1).Data.DataType));
            Assert.Equal(rows, read.Column(0).NullCount);
            Assert.Equal(rows, read.Column(1).NullCount);
            ArrowLayout.AssertValid(read.Column(0).Data);
            ArrowLayout.AssertValid(read.Column(1).Data);
        }
    }

    [Fact]
    public void An_all_null_struct_column_hashes_as_a_column_of_null_structs()
    {
        Schema schema = new Schema.Builder().Field(new Field("hours", HoursArrays.HoursType, true)).Field(new Field("week", HoursArrays.WeekType, true)).Build();
        using var filled = new RecordBatch(schema, [ArrowColumns.AllNull(HoursArrays.HoursType, 3), ArrowColumns.AllNull(HoursArrays.WeekType, 3)], 3);
        using var nulls = new RecordBatch(schema, [HoursArrays.Struct([null, null, null]), HoursArrays.List([null, null, null])], 3);

        Assert.Equal(Hashes(nulls), Hashes(filled));
    }

    [Fact]
    public void History_struct_columns_are_carried_as_they_are_by_name()
    {
        RecordBatch history = History(OutputSchema.FieldsList.Where(f => !ConsolidatedTier.HistoryFields.Contains(f)).Reverse(), HoursValues.Length);

        using RecordBatch carried = ConsolidatedStage.Conform(history, OutputSchema, Output, HistoryDate);

        Assert.Same(history.Column(history.Schema.GetFieldIndex("hours")), carried.Column(OutputSchema.GetFieldIndex("hours")));
        Assert.Same(history.Column(history.Schema.GetFieldIndex("week")), carried.Column(OutputSchema.GetFieldIndex("week")));
        Assert.Equal(Texts(HoursArrays.Struct(HoursValues)), Texts(carried.Column(OutputSchema.GetFieldIndex("hours"))));
    }

    [Fact]
    public void A_slice_of_the_history_carries_its_own_rows_of_a_struct_column()
    {
        RecordBatch history = History(OutputSchema.FieldsList, HoursValues.Length);
        string?[] hours = Texts(HoursArrays.Struct(HoursValues));
        string?[] week = Texts(HoursArrays.List(WeekValues));

        for (int start = 0; start < HoursValues.Length; start++)
        {
            RecordBatch slice = history.Slice(start, HoursValues.Length - start); // shares the history's buffers: not disposed
            RecordBatch carried = ConsolidatedStage.Conform(slice, OutputSchema, Output, HistoryDate);

            Assert.Equal(hours[start..], Texts(carried.Column(OutputSchema.GetFieldIndex("hours"))));
            Assert.Equal(week[start..], Texts(carried.Column(OutputSchema.GetFieldIndex("week"))));
            ArrowLayout.AssertValid(carried.Column(OutputSchema.GetFieldIndex("hours")).Data);
        }
    }

    [Fact]
    public void Struct_columns_the_history_lacks_read_as_null()
    {
        RecordBatch history = History(OutputSchema.FieldsList.Where(f => f.Name is not ("hours" or "week")), 4);

        using RecordBatch carried = ConsolidatedStage.Conform(history, OutputSchema, Output, HistoryDate);

        foreach (string name in new[] { "hours", "week" })
        {
            IArrowArray column = carried.Column(OutputSchema.GetFieldIndex(name));
            Assert.Equal(SchemaFingerprint.TypeName(OutputSchema.GetFieldByName(name).DataType), SchemaFingerprint.TypeName(column.Data.DataType));
            Assert.Equal(4, column.Length);
            Assert.Equal(4, column.NullCount);
            ArrowLayout.AssertValid(column.Data);
        }
    }

    [Fact]
    public void A_history_struct_whose_fields_changed_is_a_retyped_column()
    {
        StructType earlier = new([new Field("closed", BooleanType.Default, true), new Field("open_time", StringType.Default, true)]);
        StructType retyped = new([.. HoursArrays.HoursType.Fields.Select(f => f.Name == "seats" ? new Field("seats", Int64Type.Default, true) : f)]);

        foreach (StructType had in new[] { earlier, retyped })
        {
            Field[] fields = [.. OutputSchema.FieldsList.Select(f => f.Name == "hours" ? new Field("hours", had, true) : f)];
            RecordBatch history = History(fields, 2);

            var error = Assert.Throws<InvalidDataException>(() => ConsolidatedStage.Conform(history, OutputSchema, Output, HistoryDate));

            Assert.StartsWith(
                $"Column hours is {SchemaFingerprint.TypeName(HoursArrays.HoursType)} now and {SchemaFingerprint.TypeName(had)} in partition 2026-11-27 of consolidated/store_hours",
                error.Message, StringComparison.Ordinal);
            Assert.Contains("Give the column a new name in the entity, or start a new consolidated table", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_source_partition_written_with_other_struct_fields_must_be_transformed_again()
    {
        Schema source = new Schema.Builder().Field(new Field("store_id", StringType.Default, true)).Field(new Field("hours", HoursArrays.HoursType, true)).Build();
        StructType earlier = new([new Field("closed", BooleanType.Default, true), new Field("open_time", StringType.Default, true)]);
        Schema written = new Schema.Builder().Field(new Field("store_id", StringType.Default, true)).Field(new Field("hours", earlier, true)).Build();
        Table transformed = new TableStore(_warehouse.Root).OpenTable("transformed", "store_hours");

        ConsolidatedStage.CheckSource(source, source, transformed, HistoryDate);
        var error = Assert.Throws<InvalidDataException>(() => ConsolidatedStage.CheckSource(written, source, transformed, HistoryDate));

        Assert.Contains("re-run the transformed stage for that date first", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A history batch of the given columns (in that order): struct columns of <see cref="HoursValues"/>, others all null.</summary>
    private static RecordBatch History(IEnumerable<Field> fields, int rows)
    {
        var schema = new Schema.Builder();
        var columns = new List<IArrowArray>();
        foreach (Field field in fields)
        {
            schema.Field(field);
            columns.Add(field.Name switch
            {
                "hours" when field.DataType == HoursArrays.HoursType => HoursArrays.Struct(HoursValues[..rows], new HoursArrays.Layout(1, 2)),
                "week" => HoursArrays.List(WeekValues[..rows], new HoursArrays.Layout(2, 1)),
                _ => ArrowColumns.AllNull(field.DataType, rows),
            });
        }
        return new RecordBatch(schema.Build(), columns, rows);
    }

    private static string?[] Texts(IArrowArray array) => [.. Enumerable.Range(0, array.Length).Select(row => ArrowValueFormatter.Format(array, row))];

    private static ulong[] Hashes(RecordBatch batch)
    {
        var hashes = new ulong[batch.Length];
        new SnapshotHasher().HashRows(batch, hashes);
        return hashes;
    }

    private static RecordBatch RoundTrip(RecordBatch batch)
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }
        stream.Position = 0;
        using var reader = new ArrowStreamReader(stream);
        return reader.ReadNextRecordBatch();
    }
}

/// <summary>
/// The checks Arrow's <c>ValidateFull</c> makes of an array's layout (arrow-dotnet has none): buffers of the type's
/// count and of sizes that cover offset + length, a null count that matches the bitmap, offsets that rise within their
/// child or bytes, children of the declared types and of lengths that cover their parent's slots.
/// </summary>
internal static class ArrowLayout
{
    public static void AssertValid(ArrayData data)
    {
        int slots = data.Offset + data.Length;
        Assert.True(data.Length >= 0 && data.Offset >= 0, $"{data.DataType.Name}: negative length or offset");
        ArrowBuffer validity = data.Buffers[0];
        int nulls = validity.IsEmpty ? 0 : data.Length - Enumerable.Range(data.Offset, data.Length).Count(i => (validity.Span[i >> 3] & (1 << (i & 7))) != 0);
        if (!validity.IsEmpty) Assert.True(validity.Length * 8 >= slots, $"{data.DataType.Name}: validity bitmap of {validity.Length} bytes for {slots} slots");
        int declared = data.NullCount < 0 ? nulls : data.NullCount;
        Assert.True(declared == nulls, $"{data.DataType.Name}: null count {data.NullCount}, bitmap has {nulls}");
        switch (data.DataType)
        {
            case StructType structType:
                Assert.Single(data.Buffers);
                Assert.Equal(structType.Fields.Count, data.Children.Length);
                for (int f = 0; f < data.Children.Length; f++)
                {
                    ArrayData child = data.Children[f];
                    Assert.Equal(SchemaFingerprint.TypeName(structType.Fields[f].DataType), SchemaFingerprint.TypeName(child.DataType));
                    Assert.True(child.Length >= slots, $"struct field {structType.Fields[f].Name}: {child.Length} slots under a struct of {slots}");
                    AssertValid(child);
                }
                break;
            case ListType list:
                Assert.Equal(2, data.Buffers.Length);
                ArrayData items = Assert.Single(data.Children);
                Assert.Equal(SchemaFingerprint.TypeName(list.ValueDataType), SchemaFingerprint.TypeName(items.DataType));
                AssertOffsets(data, items.Length);
                AssertValid(items);
                break;
            case StringType or BinaryType:
                Assert.Equal(3, data.Buffers.Length);
                AssertOffsets(data, data.Buffers[2].Length);
                break;
            case BooleanType:
                Assert.Equal(2, data.Buffers.Length);
                Assert.True(data.Buffers[1].Length * 8 >= slots, "bool: value bits do not cover the slots");
                break;
            case FixedWidthType fixedWidth:
                Assert.Equal(2, data.Buffers.Length);
                Assert.True(data.Buffers[1].Length >= (long)slots * fixedWidth.BitWidth / 8, $"{data.DataType.Name}: values do not cover the slots");
                break;
        }
    }

    private static void AssertOffsets(ArrayData data, int limit)
    {
        ReadOnlySpan<int> offsets = data.Buffers[1].Span.CastTo<int>();
        Assert.True(offsets.Length >= data.Offset + data.Length + 1, $"{data.DataType.Name}: {offsets.Length} offsets for {data.Offset + data.Length} slots");
        for (int i = data.Offset; i < data.Offset + data.Length; i++)
            Assert.True(offsets[i] >= 0 && offsets[i] <= offsets[i + 1] && offsets[i + 1] <= limit, $"{data.DataType.Name}: offsets {offsets[i]}..{offsets[i + 1]} out of 0..{limit}");
    }
}
