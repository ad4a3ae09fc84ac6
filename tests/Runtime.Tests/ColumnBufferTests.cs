using System.Text;
using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Runtime.Tests;

/// <summary>The column buffers on their own: growth, nulls, truncation (page rollback), lists, decimals, build.</summary>
public sealed class ColumnBufferTests
{
    private static TArray Build<TArray>(ColumnBuffer column, BatchBuffers buffers) where TArray : IArrowArray =>
        Assert.IsType<TArray>(ArrowArrayFactory.BuildArray(column.Build(buffers)));

    private static List<int?> Read(Int32Array array) => [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];

    [Fact]
    public void Appends_grow_far_past_the_initial_capacity_keeping_values_and_nulls()
    {
        var column = new Int32ColumnBuffer(capacity: 1);
        for (int i = 0; i < 5000; i++)
        {
            if (i % 7 == 3) column.AppendNull();
            else column.Append(i);
        }
        Assert.Equal(5000, column.Count);
        using var buffers = new BatchBuffers();
        Int32Array array = Build<Int32Array>(column, buffers);

        Assert.Equal(5000, array.Length);
        Assert.Equal(Enumerable.Range(0, 5000).Count(i => i % 7 == 3), array.NullCount);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => i % 7 == 3 ? (int?)null : i), Read(array));
    }

    [Fact]
    public void Truncate_drops_rows_and_their_nulls_and_later_rows_overwrite_them()
    {
        var column = new Int32ColumnBuffer(capacity: 8);
        for (int i = 0; i < 20; i++)
        {
            if (i % 3 == 0) column.AppendNull();
            else column.Append(i);
        }
        Assert.Equal(7, column.NullCount);

        column.Truncate(13); // mid-byte: rows 13..19 go, with the nulls at 15 and 18
        Assert.Equal(13, column.Count);
        Assert.Equal(5, column.NullCount);

        column.Append(100);   // row 13 was valid
        column.AppendNull();  // row 14 was valid
        column.Append(102);   // row 15 was null
        using var buffers = new BatchBuffers();
        Int32Array array = Build<Int32Array>(column, buffers);

        Assert.Equal(6, array.NullCount);
        List<int?> expected = [.. Enumerable.Range(0, 13).Select(i => i % 3 == 0 ? (int?)null : i), 100, null, 102];
        Assert.Equal(expected, Read(array));
    }

    [Fact]
    public void Truncate_to_the_current_count_or_beyond_changes_nothing()
    {
        var column = new Int32ColumnBuffer(capacity: 8);
        column.Append(1);
        column.AppendNull();
        column.Truncate(2);
        column.Truncate(10);
        Assert.Equal((2, 1), (column.Count, column.NullCount));
        column.Truncate(0);
        Assert.Equal((0, 0), (column.Count, column.NullCount));
    }

    [Fact]
    public void A_column_without_nulls_builds_without_a_validity_bitmap()
    {
        var column = new Int64ColumnBuffer(capacity: 8);
        column.AppendNull();
        column.Append(5);
        column.Truncate(0);
        column.Append(7);
        using var buffers = new BatchBuffers();
        Int64Array array = Build<Int64Array>(column, buffers);

        Assert.Equal(0, array.NullCount);
        Assert.Equal(7, array.GetValue(0));
        Assert.True(array.IsValid(0));
    }

    [Fact]
    public void Build_starts_afresh_and_the_built_array_keeps_its_values()
    {
        var column = new StringColumnBuffer(capacity: 2, averageLength: 1);
        column.Append("first batch, a long value"u8);
        column.AppendNull();
        using var firstBuffers = new BatchBuffers();
        StringArray first = Build<StringArray>(column, firstBuffers);
        Assert.Equal((0, 0, 0), (column.Count, column.NullCount, column.DataLength));

        column.Append("second"u8);
        using var secondBuffers = new BatchBuffers();
        StringArray second = Build<StringArray>(column, secondBuffers);

        Assert.Equal("first batch, a long value", first.GetString(0));
        Assert.True(first.IsNull(1));
        Assert.Equal(1, second.Length);
        Assert.Equal("second", second.GetString(0));
    }

    [Fact]
    public void A_batch_starts_without_the_nulls_of_the_batch_before()
    {
        var column = new Int32ColumnBuffer(capacity: 8);
        column.AppendNull();
        column.Append(1);
        column.AppendNull();
        using var firstBuffers = new BatchBuffers();
        Int32Array first = Build<Int32Array>(column, firstBuffers);
        column.Append(2);
        column.AppendNull();
        column.Append(3);
        using var secondBuffers = new BatchBuffers();
        Int32Array second = Build<Int32Array>(column, secondBuffers);
        column.Append(4);
        using var thirdBuffers = new BatchBuffers();
        Int32Array third = Build<Int32Array>(column, thirdBuffers);

        Assert.Equal([null, 1, null], Enumerable.Range(0, first.Length).Select(first.GetValue));
        Assert.Equal([2, null, 3], Enumerable.Range(0, second.Length).Select(second.GetValue));
        Assert.Equal(1, second.NullCount);
        Assert.Equal([4], Enumerable.Range(0, third.Length).Select(third.GetValue));
        Assert.Equal(0, third.NullCount);
    }

    [Fact]
    public void Boolean_values_and_nulls_survive_growth_and_truncation()
    {
        var column = new BooleanColumnBuffer(capacity: 8);
        for (int i = 0; i < 100; i++)
        {
            if (i % 5 == 0) column.AppendNull();
            else column.Append(i % 2 == 0);
        }
        column.Truncate(37);
        for (int i = 37; i < 45; i++) column.Append(true);
        using var buffers = new BatchBuffers();
        BooleanArray array = Build<BooleanArray>(column, buffers);

        Assert.Equal(45, array.Length);
        for (int i = 0; i < 45; i++)
        {
            bool? expected = i >= 37 ? true : i % 5 == 0 ? null : i % 2 == 0;
            Assert.Equal(expected, array.GetValue(i));
        }
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("ab", true)]
    [InlineData("Jeep", true)]
    [InlineData("1C4RJFBG5MC", true)]
    [InlineData("Bright White Clear-Coat", true)]
    [InlineData("Cr\u00e8me", true)]
    [InlineData("Rh\u00f4ne-Alpes \u4e2d\u6587 \ud83d\ude97 long text", true)]
    [InlineData("%C3", false)]          // a lead byte without its continuation, under 4 bytes
    [InlineData("ab%C3d", false)]       // 4 to 7 bytes
    [InlineData("abc%C3%28xyz", false)] // 8 to 16 bytes
    [InlineData("a long value with a bad byte %FF in it", false)] // over 16 bytes
    [InlineData("abcdefghijklmnop%FF", false)]                    // 17 bytes: the bad byte only in the overlapping last block
    [InlineData("%FFbcdefghijklmnopqrstuvwxyz0123456789", false)] // 37 bytes: in the first block
    [InlineData("abcdefghijklmnopqrstuvwxyz01234%FF", false)]     // 32 bytes: its last byte
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij%C3", false)] // 73: a lead byte at the end
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]       // 32 bytes of ASCII
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789 Cr\u00e8me br\u00fbl\u00e9e", true)] // multi-byte in the last block
    public void TryAppendUtf8_appends_valid_text_and_leaves_the_column_unchanged_otherwise(string spelled, bool valid)
    {
        // %NN spells a raw byte, so invalid UTF-8 can be written in an attribute.
        byte[] utf8 = RawBytes(spelled);
        var column = new StringColumnBuffer(capacity: 4);
        column.Append("before"u8);

        Assert.Equal(valid, column.TryAppendUtf8(utf8));

        Assert.Equal(valid ? 2 : 1, column.Count);
        Assert.Equal(valid ? 6 + utf8.Length : 6, column.DataLength);
        column.Append("after"u8);
        using var buffers = new BatchBuffers();
        StringArray array = Build<StringArray>(column, buffers);
        Assert.Equal(valid ? ["before", Encoding.UTF8.GetString(utf8), "after"] : ["before", "after"],
            Enumerable.Range(0, array.Length).Select(i => array.GetString(i)));
    }

    private static byte[] RawBytes(string spelled)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < spelled.Length; i++)
        {
            if (spelled[i] == '%' && i + 2 < spelled.Length)
            {
                bytes.Add(Convert.ToByte(spelled.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(spelled[i].ToString()));
        }
        return [.. bytes];
    }

    [Fact]
    public void String_data_grows_past_its_first_allocation_and_truncates_with_its_rows()
    {
        var column = new StringColumnBuffer(capacity: 4, averageLength: 1);
        var expected = new List<string?>();
        for (int i = 0; i < 200; i++)
        {
            string value = new string('a', i % 50) + "é" + i;
            if (i % 9 == 0)
            {
                column.AppendNull();
                expected.Add(null);
            }
            else
            {
                column.Append(System.Text.Encoding.UTF8.GetBytes(value));
                expected.Add(value);
            }
        }
        Assert.Equal(expected[150], System.Text.Encoding.UTF8.GetString(column.ValueAt(150)));

        int keptBytes = Enumerable.Range(0, 120).Sum(i => expected[i] is { } s ? System.Text.Encoding.UTF8.GetByteCount(s) : 0);
        column.Truncate(120);
        expected.RemoveRange(120, 80);
        Assert.Equal(keptBytes, column.DataLength);

        Span<byte> reserved = column.Reserve(10);
        "reserved"u8.CopyTo(reserved);
        column.CommitReserved(8);
        expected.Add("reserved");
        using var buffers = new BatchBuffers();
        StringArray array = Build<StringArray>(column, buffers);

        Assert.Equal(expected, Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : array.GetString(i)));
    }

    [Fact]
    public void An_abandoned_list_leaves_no_items_behind()
    {
        var column = new ListColumnBuffer<Int32ColumnBuffer>(new Int32ColumnBuffer(capacity: 4), capacity: 2);
        column.Values.Append(1);
        column.Values.Append(2);
        column.EndList();                 // [1, 2]
        column.Values.Append(3);
        column.Values.AppendNull();
        column.AbandonList();             // the items of a bad list go...
        column.AppendNull();              // ...and the row is null
        column.Values.Append(4);
        column.AppendNull();              // items appended before a null row are dropped too
        column.EndList();                 // []
        column.Values.Append(5);
        column.EndList();                 // [5]
        using var buffers = new BatchBuffers();
        ListArray array = Build<ListArray>(column, buffers);

        Assert.Equal(5, array.Length);
        Assert.Equal(3, array.Values.Length);
        Assert.Equal([1, 2], Read((Int32Array)array.GetSlicedValues(0)));
        Assert.True(array.IsNull(1));
        Assert.True(array.IsNull(2));
        Assert.Equal(0, array.GetValueLength(3));
        Assert.False(array.IsNull(3));
        Assert.Equal([5], Read((Int32Array)array.GetSlicedValues(4)));
    }

    [Fact]
    public void Truncating_a_list_column_drops_the_items_of_the_dropped_rows()
    {
        var column = new ListColumnBuffer<StringColumnBuffer>(new StringColumnBuffer(capacity: 2), capacity: 2);
        for (int row = 0; row < 50; row++)
        {
            for (int item = 0; item < row % 4; item++) column.Values.Append(System.Text.Encoding.UTF8.GetBytes($"{row}.{item}"));
            if (row % 6 == 5) column.AppendNull();
            else column.EndList();
        }
        column.Truncate(30);
        column.Values.Append("new"u8);
        column.EndList();
        using var buffers = new BatchBuffers();
        ListArray array = Build<ListArray>(column, buffers);

        Assert.Equal(31, array.Length);
        int expectedItems = Enumerable.Range(0, 30).Where(r => r % 6 != 5).Sum(r => r % 4) + 1;
        Assert.Equal(expectedItems, array.Values.Length);
        for (int row = 0; row < 30; row++)
        {
            if (row % 6 == 5)
            {
                Assert.True(array.IsNull(row));
                continue;
            }
            var items = (StringArray)array.GetSlicedValues(row);
            Assert.Equal(Enumerable.Range(0, row % 4).Select(i => $"{row}.{i}"), Enumerable.Range(0, items.Length).Select(i => items.GetString(i)));
        }
        Assert.Equal("new", ((StringArray)array.GetSlicedValues(30)).GetString(0));
    }

    [Fact]
    public void Decimal_values_are_rounded_half_to_even_to_the_scale()
    {
        var column = new DecimalColumnBuffer(precision: 18, scale: 2, capacity: 8);
        decimal[] inputs = [1.005m, 1.015m, 1.025m, -1.005m, -1.015m, 2.675m, 0.125m, 0.135m, 1.0051m, 7m, 7.1m];
        foreach (decimal value in inputs) Assert.True(column.TryAppend(value));
        using var buffers = new BatchBuffers();
        Decimal128Array array = Build<Decimal128Array>(column, buffers);

        Assert.Equal(
            [1.00m, 1.02m, 1.02m, -1.00m, -1.02m, 2.68m, 0.12m, 0.14m, 1.01m, 7.00m, 7.10m],
            Enumerable.Range(0, array.Length).Select(i => array.GetValue(i)!.Value));
    }

    [Fact]
    public void Decimal_values_beyond_the_precision_are_refused_and_nothing_is_appended()
    {
        var column = new DecimalColumnBuffer(precision: 5, scale: 2, capacity: 8);
        Assert.True(column.TryAppend(999.99m));
        Assert.True(column.TryAppend(-999.99m));
        Assert.False(column.TryAppend(1000m));
        Assert.False(column.TryAppend(999.995m)); // rounds up to 1000.00: six digits
        Assert.False(column.TryAppend(-12345678901234567890m));
        Assert.True(column.TryAppend(999.994m));
        Assert.Equal(3, column.Count);
        using var buffers = new BatchBuffers();
        Decimal128Array array = Build<Decimal128Array>(column, buffers);

        Assert.Equal([999.99m, -999.99m, 999.99m], Enumerable.Range(0, array.Length).Select(i => array.GetValue(i)!.Value));
    }

    [Fact]
    public void Date_and_timestamp_buffers_count_from_the_unix_epoch()
    {
        var dates = new DateColumnBuffer(capacity: 8);
        dates.Append(new DateOnly(1970, 1, 1));
        dates.Append(new DateOnly(1969, 12, 31));
        dates.Append(new DateOnly(2025, 10, 3));
        Assert.Equal([0, -1, 20364], dates.Values.ToArray());

        var timestamps = new TimestampColumnBuffer(capacity: 8);
        timestamps.Append(DateTimeOffset.UnixEpoch);
        timestamps.Append(new DateTimeOffset(2025, 10, 3, 16, 5, 0, 1, 2, TimeSpan.FromHours(2)));
        Assert.Equal([0L, (new DateTimeOffset(2025, 10, 3, 14, 5, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000) + 1002], timestamps.Values.ToArray());
    }
}
