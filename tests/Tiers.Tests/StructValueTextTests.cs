using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Tests;

namespace Ingest.Tiers.Tests;

/// <summary>
/// Struct and list-of-struct values as conflict reports (and <c>ingest inspect</c>) show them: readable, nulls told
/// apart from empty strings, and the same text whatever offsets the arrays sit at.
/// </summary>
public sealed class StructValueTextTests
{
    private static readonly Hours Morning = new(false, "09:00", 40, 1_234_567, 4.5, 12.50m, new DateOnly(2025, 11, 27), 1_764_201_600_000_000, ["drive-in", null]);

    private const string MorningText =
        "{closed: false, open_time: \"09:00\", seats: 40, visits: 1234567, rating: 4.5, fee: 12.50, since: 2025-11-27, " +
        "updated: 2025-11-27T00:00:00.0000000+00:00, tags: [\"drive-in\", null]}";

    private const string AllNullText =
        "{closed: null, open_time: null, seats: null, visits: null, rating: null, fee: null, since: null, updated: null, tags: null}";

    private static readonly HoursArrays.Layout[] Layouts =
        [.. from child in Enumerable.Range(0, 4) from parent in Enumerable.Range(0, 4) select new HoursArrays.Layout(child, parent)];

    [Fact]
    public void A_struct_reads_as_its_fields_in_order_with_strings_quoted()
    {
        StructArray hours = HoursArrays.Struct([Morning, null, Hours.AllNull, Hours.AllNull with { OpenTime = "", Tags = [] }]);

        Assert.Equal(MorningText, ArrowValueFormatter.Format(hours, 0));
        Assert.Null(ArrowValueFormatter.Format(hours, 1));
        Assert.Equal(AllNullText, ArrowValueFormatter.Format(hours, 2));
        Assert.Equal(AllNullText.Replace("open_time: null", "open_time: \"\"").Replace("tags: null", "tags: []"), ArrowValueFormatter.Format(hours, 3));
    }

    [Fact]
    public void Quotes_and_control_characters_in_a_struct_string_are_escaped()
    {
        StructArray hours = HoursArrays.Struct([Hours.AllNull with { OpenTime = "say \"9\"\\\n", Tags = ["null"] }]);

        string text = ArrowValueFormatter.Format(hours, 0)!;

        Assert.Contains("open_time: \"say \\\"9\\\"\\\\\\n\"", text, StringComparison.Ordinal);
        Assert.Contains("tags: [\"null\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_structs_reads_as_its_elements_with_nulls()
    {
        ListArray week = HoursArrays.List([[Morning, null, Hours.AllNull], [], null, [null]]);

        Assert.Equal($"[{MorningText}, null, {AllNullText}]", ArrowValueFormatter.Format(week, 0));
        Assert.Equal("[]", ArrowValueFormatter.Format(week, 1));
        Assert.Null(ArrowValueFormatter.Format(week, 2));
        Assert.Equal("[null]", ArrowValueFormatter.Format(week, 3));
    }

    [Fact]
    public void Structs_and_lists_of_structs_read_the_same_at_any_offset_and_in_any_slice()
    {
        Hours?[] values = [Morning, null, Hours.AllNull, Morning with { Closed = true, Tags = null }, null];
        Hours?[]?[] weeks = [[Morning], null, [], [null, Hours.AllNull], [Morning with { Seats = 2 }, Morning]];
        string?[] expectedHours = Texts(HoursArrays.Struct(values));
        string?[] expectedWeeks = Texts(HoursArrays.List(weeks));
        Assert.Equal(MorningText, expectedHours[0]);

        foreach (HoursArrays.Layout layout in Layouts)
        {
            // Children at offsets of their own under a parent at an offset, filler values in the slots skipped and under nulls.
            StructArray hours = HoursArrays.Struct(values, layout, HoursArrays.Filler);
            ListArray week = HoursArrays.List(weeks, layout, HoursArrays.Filler);
            Assert.Equal(expectedHours, Texts(hours));
            Assert.Equal(expectedWeeks, Texts(week));

            // A sliced batch: the struct gets an offset, its children are not sliced.
            Schema schema = new Schema.Builder().Field(new Field("hours", HoursArrays.HoursType, true)).Field(new Field("week", HoursArrays.WeekType, true)).Build();
            // Not disposed: a slice shares the batch's buffers, and disposing either would free them for both.
            var batch = new RecordBatch(schema, [hours, week], values.Length);
            for (int start = 0; start < values.Length; start++)
            {
                RecordBatch slice = batch.Slice(start, values.Length - start);
                Assert.Equal(expectedHours[start..], Texts(slice.Column(0)));
                Assert.Equal(expectedWeeks[start..], Texts(slice.Column(1)));
            }
        }
    }

    [Fact]
    public void Scalar_and_list_columns_read_as_before()
    {
        var strings = new ListArray.Builder(StringType.Default);
        strings.Append();
        ((StringArray.Builder)strings.ValueBuilder).Append("a").AppendNull().Append("");
        var text = new StringArray.Builder().Append("09:00").Build();

        Assert.Equal("[a, null, ]", ArrowValueFormatter.Format(strings.Build(), 0));
        Assert.Equal("09:00", ArrowValueFormatter.Format(text, 0));
    }

    private static string?[] Texts(IArrowArray array) => [.. Enumerable.Range(0, array.Length).Select(row => ArrowValueFormatter.Format(array, row))];
}
