using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Struct columns: a <c>[NestedRecord]</c> property is one Arrow struct whose fields are read like columns.</summary>
public sealed class StructColumnTests
{
    private static ExtractedBatch Extract(params string[] records) => Pages.ExtractItems<StructuredRecord>(records);

    /// <summary>Each row of a struct column as null, or its fields' values by name (through <paramref name="read"/>).</summary>
    private static List<T?> Field<TArray, T>(ExtractedBatch batch, string column, string field, Func<TArray, int, T?> read) where TArray : IArrowArray
    {
        StructArray structs = batch.Column<StructArray>(column);
        var type = (StructType)structs.Data.DataType;
        var values = (TArray)structs.Fields[type.GetFieldIndex(field)];
        Assert.Equal(structs.Length, values.Length);
        return [.. Enumerable.Range(0, structs.Length).Select(i => structs.IsNull(i) ? default : read(values, i))];
    }

    private static string TypeText(IArrowType type) => type switch
    {
        StructType s => "struct<" + string.Join(",", s.Fields.Select(f => f.Name + ":" + TypeText(f.DataType))) + ">",
        ListType l => "list<" + TypeText(l.ValueDataType) + ">",
        Decimal128Type d => $"decimal({d.Precision},{d.Scale})",
        _ => type.Name,
    };

    private static List<bool> Nulls(ExtractedBatch batch, string column)
    {
        StructArray structs = batch.Column<StructArray>(column);
        return [.. Enumerable.Range(0, structs.Length).Select(structs.IsNull)];
    }

    [Fact]
    public void The_schema_holds_one_struct_column_per_nested_record_with_its_fields_typed_and_named_by_convention()
    {
        var price = Assert.IsType<StructType>(StructuredRecord.ArrowSchema.GetFieldByName("price").DataType);
        Assert.Equal(["msrp", "net", "currency", "notes", "loyalty_amount"], price.Fields.Select(f => f.Name));
        Assert.Equal("decimal(18,2)", TypeText(price.Fields[0].DataType));
        Assert.IsType<ListType>(price.Fields[3].DataType);
        var hours = Assert.IsType<StructType>(StructuredRecord.ArrowSchema.GetFieldByName("monday_hours").DataType);
        Assert.Equal(["closed", "open_time", "open_am_pm", "since"], hours.Fields.Select(f => f.Name));
        Assert.Equal(["id", "price", "monday_hours", "incentives", "program_ids", "p2_amount", "msrp"], StructuredRecord.ArrowSchema.FieldsList.Select(f => f.Name));
        Assert.Equal("list<struct<program_id:utf8,amount:decimal(18,2),expires:date32,months:int32,region_codes:list<utf8>,lease_rate:double>>",
            TypeText(StructuredRecord.ArrowSchema.GetFieldByName("incentives").DataType));
        Assert.Equal("Struct(closed, open_time, open_am_pm, since)", StructuredRecord.Descriptor.Columns[2].Coercion);
    }

    [Fact]
    public void Fields_are_read_from_the_object_with_their_coercions_and_the_array_types_match_the_schema()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"a","price":{"msrp":"$41,355.00","netPrice":39000,"notes":["x","y"],"incentives":[{"name":"Loyalty","amount":"500"}]},"departments":{"sales":{"hours":{"monday":{"closed":"N","open":{"time":" 09:00 ","ampm":"am"},"since":"2024-03-01"}}}}}""");

        Assert.Equal([41355.00m], Field<Decimal128Array, decimal?>(batch, "price", "msrp", (a, i) => a.GetValue(i)));
        Assert.Equal([39000m], Field<Decimal128Array, decimal?>(batch, "price", "net", (a, i) => a.GetValue(i)));
        Assert.Equal(["USD"], Field<StringArray, string>(batch, "price", "currency", (a, i) => a.GetString(i)));
        Assert.Equal([500], Field<Int32Array, int?>(batch, "price", "loyalty_amount", (a, i) => a.GetValue(i)));
        Assert.Equal([2], Field<ListArray, int?>(batch, "price", "notes", (a, i) => a.GetValueLength(i)));
        Assert.Equal([false], Field<BooleanArray, bool?>(batch, "monday_hours", "closed", (a, i) => a.GetValue(i)));
        Assert.Equal(["09:00"], Field<StringArray, string>(batch, "monday_hours", "open_time", (a, i) => a.GetString(i)));
        Assert.Equal(["AM"], Field<StringArray, string>(batch, "monday_hours", "open_am_pm", (a, i) => a.GetString(i)));
        Assert.Equal([new DateOnly(2024, 3, 1)], Field<Date32Array, DateOnly?>(batch, "monday_hours", "since", (a, i) => a.GetDateOnly(i)));
        Assert.Equal([41355.00m], batch.Decimals("msrp")); // the same JSON value read by a struct field and a column
        Assert.True(batch.Report.IsClean);

        for (int c = 0; c < batch.Batch.ColumnCount; c++)
            Assert.Equal(TypeText(batch.Batch.Schema.GetFieldByIndex(c).DataType), TypeText(batch.Batch.Column(c).Data.DataType));
    }

    [Fact]
    public void A_missing_or_null_object_is_a_null_struct_and_an_empty_object_a_struct_of_nulls_and_defaults()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"missing"}""",
            """{"id":"null","price":null,"departments":{"sales":{"hours":{"monday":null}}}}""",
            """{"id":"empty","price":{},"departments":{"sales":{"hours":{"monday":{}}}}}""",
            """{"id":"closed","departments":{"sales":{"hours":{"monday":{"closed":"Y","open":{"time":"","ampm":""}}}}}}""");

        Assert.Equal([true, true, false, true], Nulls(batch, "price"));
        Assert.Equal([true, true, false, false], Nulls(batch, "monday_hours"));
        Assert.Equal([null, null, null, null], Field<Decimal128Array, decimal?>(batch, "price", "msrp", (a, i) => a.GetValue(i)));
        Assert.Equal([null, null, "USD", null], Field<StringArray, string>(batch, "price", "currency", (a, i) => a.GetString(i)));
        Assert.Equal([null, null, null, true], Field<BooleanArray, bool?>(batch, "monday_hours", "closed", (a, i) => a.GetValue(i)));
        Assert.Equal([null, null, null, null], Field<StringArray, string>(batch, "monday_hours", "open_time", (a, i) => a.GetString(i)));
        Assert.Equal([null, null, null, ""], Field<StringArray, string>(batch, "monday_hours", "open_am_pm", (a, i) => a.GetString(i)));
        Assert.Equal(3, batch.Column<StructArray>("price").NullCount);
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void A_field_that_does_not_coerce_is_null_and_counted_under_struct_dot_field()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"bad","price":{"msrp":"a lot","netPrice":"1.00"},"departments":{"sales":{"hours":{"monday":{"since":"someday"}}}}}""");

        Assert.Equal([null], Field<Decimal128Array, decimal?>(batch, "price", "msrp", (a, i) => a.GetValue(i)));
        Assert.Equal([1.00m], Field<Decimal128Array, decimal?>(batch, "price", "net", (a, i) => a.GetValue(i)));
        Assert.Equal([false], Nulls(batch, "price"));
        Assert.Equal("a lot", Assert.Single(batch.Report.Failures("price.msrp").Samples).RawText);
        Assert.Equal("someday", Assert.Single(batch.Report.Failures("monday_hours.since").Samples).RawText);
        Assert.Equal("a lot", Assert.Single(batch.Report.Failures("msrp").Samples).RawText);
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_a_null_struct_and_a_failure_of_each_field()
    {
        using ExtractedBatch batch = Extract("""{"id":"text","price":"$41,355.00"}""");

        Assert.Equal([true], Nulls(batch, "price"));
        foreach (string field in new[] { "price.msrp", "price.net", "price.currency", "price.notes", "price.loyalty_amount", "msrp" })
            Assert.Equal("$41,355.00", Assert.Single(batch.Report.Failures(field).Samples).RawText);
    }

    [Fact]
    public void A_repeated_object_keeps_the_first_fields_and_the_struct_stays_present()
    {
        using ExtractedBatch batch = Extract("""{"id":"twice","price":{"msrp":1},"price":{"msrp":2,"netPrice":3}}""");

        Assert.Equal([false], Nulls(batch, "price"));
        Assert.Equal([1m], Field<Decimal128Array, decimal?>(batch, "price", "msrp", (a, i) => a.GetValue(i)));
        Assert.Equal([3m], Field<Decimal128Array, decimal?>(batch, "price", "net", (a, i) => a.GetValue(i)));
    }

    [Fact]
    public void A_page_that_is_not_valid_JSON_rolls_back_the_struct_and_its_fields_and_later_batches_start_clean()
    {
        EntityExtractor extractor = StructuredRecord.CreateExtractor(batchSize: 2);
        extractor.AppendPage(Pages.Items("""{"id":"kept","price":{"msrp":1}}"""), "good");
        extractor.AppendPage(Pages.Utf8("""{"items":[{"id":"lost","price":{"msrp":2,"netPrice":"""), "truncated");
        using (ExtractedBatch first = extractor.TakeBatch())
        {
            Assert.Equal(1, first.Batch.Length);
            Assert.Equal([1m], Field<Decimal128Array, decimal?>(first, "price", "msrp", (a, i) => a.GetValue(i)));
            Assert.Single(first.Report.InvalidPages);
        }
        extractor.AppendPage(Pages.Items("""{"id":"next"}""", """{"id":"after","price":{"netPrice":5}}"""), "later");
        using ExtractedBatch second = extractor.TakeBatch();
        Assert.Equal([true, false], Nulls(second, "price"));
        Assert.Equal([null, 5m], Field<Decimal128Array, decimal?>(second, "price", "net", (a, i) => a.GetValue(i)));
    }

    /// <summary>Each row of a list of structs as null, or its elements as null or a field's value.</summary>
    private static List<List<T?>?> Elements<TArray, T>(ExtractedBatch batch, string field, Func<TArray, int, T?> read) where TArray : IArrowArray
    {
        ListArray lists = batch.Column<ListArray>("incentives");
        var structs = (StructArray)lists.Values;
        var values = (TArray)structs.Fields[((StructType)structs.Data.DataType).GetFieldIndex(field)];
        Assert.Equal(structs.Length, values.Length);
        var rows = new List<List<T?>?>();
        for (int row = 0; row < lists.Length; row++)
        {
            if (lists.IsNull(row)) { rows.Add(null); continue; }
            int start = lists.ValueOffsets[row];
            rows.Add([.. Enumerable.Range(start, lists.GetValueLength(row)).Select(i => structs.IsNull(i) ? default : read(values, i))]);
        }
        return rows;
    }

    [Fact]
    public void A_list_of_objects_is_a_list_of_structs_with_every_element_read_into_its_fields()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"two","incentives":[{"programId":"P1","amount":"$1,000.00","expires":"2026-12-31","terms":{"months":60},"regions":[{"code":"NE"},{"code":"MW"}],"conditions":[{"kind":"cash"},{"kind":"lease","rate":2.9}]},{"amount":500,"programId":"P2"}]}""",
            """{"id":"empty","incentives":[]}""",
            """{"id":"null","incentives":null}""",
            """{"id":"missing"}""",
            """{"id":"gaps","incentives":[null,{},{"programId":"P3"}]}""");

        Assert.Equal([["P1", "P2"], [], null, null, [null, null, "P3"]], Elements<StringArray, string>(batch, "program_id", (a, i) => a.GetString(i)));
        Assert.Equal([[1000.00m, 500m], [], null, null, [null, null, null]], Elements<Decimal128Array, decimal?>(batch, "amount", (a, i) => a.GetValue(i)));
        Assert.Equal([[new DateOnly(2026, 12, 31), null], [], null, null, [null, null, null]], Elements<Date32Array, DateOnly?>(batch, "expires", (a, i) => a.GetDateOnly(i)));
        Assert.Equal([[60, 36], [], null, null, [null, 36, 36]], Elements<Int32Array, int?>(batch, "months", (a, i) => a.GetValue(i)));
        Assert.Equal([[2, null], [], null, null, [null, null, null]], Elements<ListArray, int?>(batch, "region_codes", (a, i) => a.IsNull(i) ? null : a.GetValueLength(i)));
        Assert.Equal([[2.9, null], [], null, null, [null, null, null]], Elements<DoubleArray, double?>(batch, "lease_rate", (a, i) => a.GetValue(i)));
        Assert.True(batch.Report.IsClean, string.Join("; ", batch.Report.Failures.Select(f => f.Column)));
    }

    [Fact]
    public void A_list_of_structs_also_projected_and_selected_from_is_read_whole_by_each()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"three","incentives":[{"programId":"P1","amount":"1"},{"programId":"P2","amount":"$2.50"},{"programId":"P3"}]}""",
            """{"id":"none","incentives":null}""");

        Assert.Equal([["P1", "P2", "P3"], null], Elements<StringArray, string>(batch, "program_id", (a, i) => a.GetString(i)));
        Assert.Equal([[1m, 2.50m, null], null], Elements<Decimal128Array, decimal?>(batch, "amount", (a, i) => a.GetValue(i)));
        Assert.Equal([["P1", "P2", "P3"], null], batch.Lists<StringArray, string?>("program_ids", (a, i) => a.GetString(i)));
        Assert.Equal([2.50m, null], batch.Decimals("p2_amount"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_a_null_struct_and_a_failure_counted_under_list_dot_field()
    {
        using ExtractedBatch batch = Extract(
            """{"id":"bad","incentives":[{"programId":"P1","amount":"lots"},"P2",{"programId":{"x":1}}]}""",
            """{"id":"not a list","incentives":{"programId":"P9"}}""");

        Assert.Equal([["P1", null, null], null], Elements<StringArray, string>(batch, "program_id", (a, i) => a.GetString(i)));
        Assert.Equal([[null, null, null], null], Elements<Decimal128Array, decimal?>(batch, "amount", (a, i) => a.GetValue(i)));
        Assert.Equal(3, batch.Report.Failures("incentives.amount").Count); // "lots", the string element, the object
        Assert.Equal(3, batch.Report.Failures("incentives.program_id").Count); // the string element, {"x":1}, the object
        Assert.Equal(0, batch.Report.Failures("incentives.amount").Samples[0].Row);
    }

    [Fact]
    public void A_page_cut_inside_a_list_of_structs_leaves_no_elements_behind()
    {
        EntityExtractor extractor = StructuredRecord.CreateExtractor();
        Assert.Equal(0, extractor.AppendPage(Pages.Utf8("""{"items":[{"id":"cut","incentives":[{"programId":"stray"},{"programId":"half","amount":"""), "page 1"));
        extractor.AppendPage(Pages.Items("""{"id":"next","incentives":[{"programId":"P1"}]}"""), "page 2");
        using ExtractedBatch batch = extractor.TakeBatch();

        Assert.Equal([["P1"]], Elements<StringArray, string>(batch, "program_id", (a, i) => a.GetString(i)));
        Assert.Equal([[36]], Elements<Int32Array, int?>(batch, "months", (a, i) => a.GetValue(i)));
    }
}
