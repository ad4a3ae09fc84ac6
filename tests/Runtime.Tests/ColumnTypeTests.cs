using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Each property type lands in its Arrow type, and the values read back as written in the JSON.</summary>
public sealed class ColumnTypeTests
{
    private const string FullRecord = """
        {"name":"Wrangler","count":42,"total":9007199254740993,"ratio":0.125,"price":48995.5,"active":true,
         "day":"2025-10-03","at":"2025-10-03T14:05:06.123456+02:00",
         "tags":["4x4","soft top"],"scores":[1,-2,3],"counters":[9223372036854775807,-9223372036854775808],
         "weights":[1.5,2.25e3],"amounts":[12.5,"7.25"]}
        """;

    [Fact]
    public void Schema_maps_each_property_type_to_its_arrow_type()
    {
        Schema schema = TypedRecord.ArrowSchema;
        Assert.IsType<StringType>(schema.GetFieldByName("name").DataType);
        Assert.IsType<Int32Type>(schema.GetFieldByName("count").DataType);
        Assert.IsType<Int64Type>(schema.GetFieldByName("total").DataType);
        Assert.IsType<DoubleType>(schema.GetFieldByName("ratio").DataType);
        var price = Assert.IsType<Decimal128Type>(schema.GetFieldByName("price").DataType);
        Assert.Equal((18, 2), (price.Precision, price.Scale));
        Assert.IsType<BooleanType>(schema.GetFieldByName("active").DataType);
        Assert.IsType<Date32Type>(schema.GetFieldByName("day").DataType);
        var at = Assert.IsType<TimestampType>(schema.GetFieldByName("at").DataType);
        Assert.Equal((TimeUnit.Microsecond, "UTC"), (at.Unit, at.Timezone));
        Assert.IsType<StringType>(Assert.IsType<ListType>(schema.GetFieldByName("tags").DataType).ValueDataType);
        Assert.IsType<Int32Type>(Assert.IsType<ListType>(schema.GetFieldByName("scores").DataType).ValueDataType);
        Assert.IsType<Int64Type>(Assert.IsType<ListType>(schema.GetFieldByName("counters").DataType).ValueDataType);
        Assert.IsType<DoubleType>(Assert.IsType<ListType>(schema.GetFieldByName("weights").DataType).ValueDataType);
        Assert.IsType<Decimal128Type>(Assert.IsType<ListType>(schema.GetFieldByName("amounts").DataType).ValueDataType);
        Assert.All(schema.FieldsList, field => Assert.True(field.IsNullable));
    }

    [Fact]
    public void Scalars_read_back_from_the_arrow_arrays()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(FullRecord);

        Assert.Equal(1, batch.Length);
        Assert.True(batch.Report.IsClean);
        Assert.Equal(["Wrangler"], batch.Strings("name"));
        Assert.Equal([42], batch.Int32s("count"));
        Assert.Equal([9007199254740993L], batch.Int64s("total"));
        Assert.Equal([0.125], batch.Doubles("ratio"));
        Assert.Equal([48995.50m], batch.Decimals("price"));
        Assert.Equal(48995.50m, batch.Column<Decimal128Array>("price").GetSqlDecimal(0)!.Value.Value);
        Assert.Equal([true], batch.Booleans("active"));
        Assert.Equal([new DateOnly(2025, 10, 3)], batch.Dates("day"));
        Assert.Equal(new DateOnly(2025, 10, 3).DayNumber - new DateOnly(1970, 1, 1).DayNumber, batch.Column<Date32Array>("day").GetValue(0));
    }

    [Fact]
    public void Timestamps_are_utc_microseconds_of_the_same_instant()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(FullRecord);

        var expected = new DateTimeOffset(2025, 10, 3, 12, 5, 6, 123, 456, TimeSpan.Zero);
        TimestampArray at = batch.Column<TimestampArray>("at");
        Assert.Equal((expected.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10, at.GetValue(0));
        Assert.Equal(expected, at.GetTimestamp(0));
        Assert.Equal(TimeSpan.Zero, at.GetTimestamp(0)!.Value.Offset);
    }

    [Fact]
    public void Lists_of_strings_and_numbers_read_back_item_by_item()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(FullRecord);

        Assert.Equal(["4x4", "soft top"], batch.Lists<StringArray, string>("tags", (a, i) => a.GetString(i))[0]);
        Assert.Equal([1, -2, 3], batch.Lists<Int32Array, int?>("scores", (a, i) => a.GetValue(i))[0]);
        Assert.Equal([long.MaxValue, long.MinValue], batch.Lists<Int64Array, long?>("counters", (a, i) => a.GetValue(i))[0]);
        Assert.Equal([1.5, 2250.0], batch.Lists<DoubleArray, double?>("weights", (a, i) => a.GetValue(i))[0]);
        Assert.Equal([12.50m, 7.25m], batch.Lists<Decimal128Array, decimal?>("amounts", (a, i) => a.GetValue(i))[0]);
    }

    [Fact]
    public void Lists_keep_null_items_empty_lists_and_null_rows_apart()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"tags":["a",null,"b"],"scores":[]}""",
            """{"tags":null,"scores":null}""",
            """{}""",
            """{"tags":[],"scores":[null,7]}""");

        List<List<string?>?> tags = batch.Lists<StringArray, string?>("tags", (a, i) => a.IsNull(i) ? null : a.GetString(i));
        Assert.Equal(["a", null, "b"], tags[0]);
        Assert.Null(tags[1]);
        Assert.Null(tags[2]);
        Assert.Empty(tags[3]!);
        List<List<int?>?> scores = batch.Lists<Int32Array, int?>("scores", (a, i) => a.GetValue(i));
        Assert.Empty(scores[0]!);
        Assert.Null(scores[1]);
        Assert.Null(scores[2]);
        Assert.Equal([null, 7], scores[3]);
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_list_with_an_uncoercible_item_is_null_and_counted_once()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"scores":[1,"two",3],"name":"after"}""",
            """{"scores":[4,5]}""");

        List<List<int?>?> scores = batch.Lists<Int32Array, int?>("scores", (a, i) => a.GetValue(i));
        Assert.Null(scores[0]);
        Assert.Equal([4, 5], scores[1]);
        Assert.Equal(["after", null], batch.Strings("name"));
        ColumnFailures failures = batch.Report.Failures("scores");
        Assert.Equal(1, failures.Count);
        Assert.Equal(new FailureSample(0, "two", "page 1"), Assert.Single(failures.Samples));
    }

    [Fact]
    public void A_list_with_an_object_item_is_null_and_the_rest_of_the_record_still_reads()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"tags":["a",{"x":[1,2]},"c"],"count":3}""",
            """{"tags":"not a list","count":4}""");

        List<List<string>?> tags = batch.Lists<StringArray, string>("tags", (a, i) => a.GetString(i));
        Assert.Null(tags[0]);
        Assert.Null(tags[1]);
        Assert.Equal([3, 4], batch.Int32s("count"));
        ColumnFailures failures = batch.Report.Failures("tags");
        Assert.Equal(2, failures.Count);
        Assert.Equal("<object or array>", failures.Samples[0].RawText);
        Assert.Equal("not a list", failures.Samples[1].RawText);
    }

    [Fact]
    public void Numbers_written_as_strings_coerce_and_strings_written_as_numbers_keep_their_text()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"name":12345,"count":"285","total":"-9000000000","ratio":"1.5e-3","price":"19.99","active":"TRUE","scores":["1","2"]}""",
            """{"name":true,"count":285.0,"total":1e3,"ratio":2,"price":7}""");

        Assert.Equal(["12345", "true"], batch.Strings("name"));
        Assert.Equal([285, 285], batch.Int32s("count"));
        Assert.Equal([-9_000_000_000L, 1000L], batch.Int64s("total"));
        Assert.Equal([0.0015, 2.0], batch.Doubles("ratio"));
        Assert.Equal([19.99m, 7m], batch.Decimals("price"));
        Assert.Equal([true, null], batch.Booleans("active"));
        Assert.Equal([1, 2], batch.Lists<Int32Array, int?>("scores", (a, i) => a.GetValue(i))[0]);
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Out_of_range_and_fractional_integers_fail_instead_of_wrapping_or_truncating()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedRecord>(
            """{"count":2147483648,"total":9223372036854775808}""",
            """{"count":285.5,"total":"1.5"}""",
            """{"count":-2147483648,"total":-9223372036854775808}""");

        Assert.Equal([null, null, int.MinValue], batch.Int32s("count"));
        Assert.Equal([null, null, long.MinValue], batch.Int64s("total"));
        Assert.Equal(["2147483648", "285.5"], batch.Report.Failures("count").Samples.Select(s => s.RawText));
        Assert.Equal(["9223372036854775808", "1.5"], batch.Report.Failures("total").Samples.Select(s => s.RawText));
    }
}
