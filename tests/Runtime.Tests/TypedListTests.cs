using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;

namespace Ingest.Runtime.Tests;

/// <summary>Lists of booleans, dates and timestamps: list&lt;bool&gt;, list&lt;date32&gt;, list&lt;timestamp[us, UTC]&gt;.</summary>
public sealed class TypedListTests
{
    [Fact]
    public void Each_list_type_maps_to_a_list_of_its_item_type()
    {
        Schema schema = TypedListRecord.ArrowSchema;
        Assert.IsType<BooleanType>(Assert.IsType<ListType>(schema.GetFieldByName("flags").DataType).ValueDataType);
        Assert.IsType<BooleanType>(Assert.IsType<ListType>(schema.GetFieldByName("yes_no").DataType).ValueDataType);
        Assert.IsType<Date32Type>(Assert.IsType<ListType>(schema.GetFieldByName("days").DataType).ValueDataType);
        var stamp = Assert.IsType<TimestampType>(Assert.IsType<ListType>(schema.GetFieldByName("stamps").DataType).ValueDataType);
        Assert.Equal((TimeUnit.Microsecond, "UTC"), (stamp.Unit, stamp.Timezone));
    }

    [Fact]
    public void Items_are_read_and_coerced_one_by_one_with_nulls_kept_and_a_bad_item_failing_its_list()
    {
        using ExtractedBatch batch = Pages.ExtractItems<TypedListRecord>(
            """{"name":"a","flags":[true,false,null],"yesNo":["Y","n","1",false],"days":["2025-10-03",null],"usDays":["10/03/2025","2025-10-04"],"stamps":["2025-10-03T14:05:06.123456+02:00"],"events":[{"at":"2025-01-01T00:00:00Z"},{},{"at":null}]}""",
            """{"name":"empty","flags":[],"days":null}""",
            """{"name":"bad","flags":[true,"maybe"],"usDays":["13/45/2025"]}""");

        Assert.Equal([[true, false, null], [], null], batch.Lists<BooleanArray, bool?>("flags", (a, i) => a.GetValue(i)));
        Assert.Equal([[true, false, true, false], null, null], batch.Lists<BooleanArray, bool?>("yes_no", (a, i) => a.GetValue(i)));
        Assert.Equal([[new DateOnly(2025, 10, 3), null], null, null], batch.Lists<Date32Array, DateOnly?>("days", (a, i) => a.GetDateOnly(i)));
        Assert.Equal([[new DateOnly(2025, 10, 3), new DateOnly(2025, 10, 4)], null, null], batch.Lists<Date32Array, DateOnly?>("us_days", (a, i) => a.GetDateOnly(i)));
        Assert.Equal([[new DateTimeOffset(2025, 10, 3, 12, 5, 6, TimeSpan.Zero).AddTicks(1234560)], null, null],
            batch.Lists<TimestampArray, DateTimeOffset?>("stamps", (a, i) => a.GetTimestamp(i)));
        Assert.Equal([[new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null], null, null],
            batch.Lists<TimestampArray, DateTimeOffset?>("event_times", (a, i) => a.GetTimestamp(i)));
        Assert.Equal("maybe", Assert.Single(batch.Report.Failures("flags").Samples).RawText);
        Assert.Equal("13/45/2025", Assert.Single(batch.Report.Failures("us_days").Samples).RawText);
    }
}
