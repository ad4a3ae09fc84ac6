using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Ingest.Coercers;
using Ingest.Columns;

namespace Ingest.Runtime.Tests;

/// <summary>Property tests: a date or instant written in any accepted notation coerces back to itself.</summary>
public sealed class DateCoercerProperties
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static JsonScalar Text(string text) => new(JsonTokenType.String, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Dates_round_trip_through_iso_and_us_notation()
    {
        Gen.DateOnly.Sample(date =>
        {
            string iso = date.ToString("yyyy-MM-dd", Invariant);
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Text(iso), out DateOnly plain));
            Assert.Equal(date, plain);
            foreach (string format in new[] { "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd'T00:00:00Z'", "MM/dd/yyyy' 13:45'" })
            {
                string text = date.ToString(format, Invariant);
                Assert.True(FlexibleDate.Coerce(Text(text), out DateOnly flexible) == CoercionResult.Value, text);
                Assert.Equal(date, flexible);
            }
        });
    }

    [Fact]
    public void Plain_refuses_us_notation_that_FlexibleDate_takes()
    {
        Gen.DateOnly.Sample(date =>
        {
            string us = date.ToString("MM/dd/yyyy", Invariant);
            Assert.Equal(CoercionResult.Failed, Plain.Coerce(Text(us), out DateOnly _));
        });
    }

    [Fact]
    public void Timestamps_with_offsets_round_trip_to_the_same_instant()
    {
        Gen.DateTimeOffset.Sample(value =>
        {
            foreach (string format in new[] { "o", "yyyy-MM-ddTHH:mm:ss.fffffffzzz", "yyyy-MM-dd HH:mm:ss.fffffffzzz", "yyyy-MM-ddTHH:mm:ss.fffffffK" })
            {
                string text = value.ToString(format, Invariant);
                Assert.True(Plain.Coerce(Text(text), out DateTimeOffset plain) == CoercionResult.Value, text);
                Assert.True(value.UtcTicks == plain.UtcTicks, $"{text} read as {plain:o}");
                Assert.Equal(TimeSpan.Zero, plain.Offset);
                Assert.True(FlexibleDate.Coerce(Text(text), out DateTimeOffset flexible) == CoercionResult.Value, text);
                Assert.Equal(value.UtcTicks, flexible.UtcTicks);
            }
        });
    }

    [Fact]
    public void Timestamps_to_whole_seconds_and_minutes_keep_their_instant()
    {
        Gen.DateTimeOffset.Sample(value =>
        {
            var seconds = new DateTimeOffset(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, value.Offset);
            string withOffset = seconds.ToString("yyyy-MM-ddTHH:mm:sszzz", Invariant);
            Assert.True(Plain.Coerce(Text(withOffset), out DateTimeOffset parsed) == CoercionResult.Value, withOffset);
            Assert.Equal(seconds.UtcTicks, parsed.UtcTicks);

            string compactOffset = seconds.ToString("yyyy-MM-ddTHH:mm:ss", Invariant) + seconds.ToString("zzz", Invariant).Replace(":", "", StringComparison.Ordinal);
            Assert.True(Plain.Coerce(Text(compactOffset), out DateTimeOffset compact) == CoercionResult.Value, compactOffset);
            Assert.Equal(seconds.UtcTicks, compact.UtcTicks);

            var minutes = new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            string us = minutes.ToString("MM/dd/yyyy HH:mm", Invariant);
            Assert.True(FlexibleDate.Coerce(Text(us), out DateTimeOffset fromUs) == CoercionResult.Value, us);
            Assert.Equal(minutes, fromUs);
        });
    }

    [Fact]
    public void Timestamp_columns_hold_the_instant_in_utc_microseconds()
    {
        Gen.DateTimeOffset.Sample(value =>
        {
            var column = new TimestampColumnBuffer(capacity: 8);
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Text(value.ToString("o", Invariant)), out DateTimeOffset parsed));
            column.Append(parsed);
            long expected = (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
            Assert.Equal(expected, column.Values[0]);
        });
    }

    [Theory]
    [InlineData("2025-10-03T14:05:00+15:00")]
    [InlineData("2025-10-03T14:05:00+02:60")]
    [InlineData("2025-10-03T14:05:00+2")]
    [InlineData("2025-10-03T24:00:00Z")]
    [InlineData("2025-10-03T14:60:00Z")]
    [InlineData("2025-10-03T14:05:00.Z")]
    [InlineData("2025-10-03T14")]
    [InlineData("2025-10-03Tnoon")]
    [InlineData("2025-13-03")]
    [InlineData("2025-10-3")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2025/10/03")]
    [InlineData("03.10.2025")]
    public void Impossible_or_foreign_timestamps_fail(string text)
    {
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Text(text), out DateTimeOffset _));
    }

    [Fact]
    public void A_time_without_seconds_is_on_the_minute()
    {
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Text("2025-10-03T14:05"), out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2025, 10, 3, 14, 5, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public void A_leap_second_is_read_as_the_last_second_of_its_minute()
    {
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Text("2016-12-31T23:59:60Z"), out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2016, 12, 31, 23, 59, 59, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("02/29/2024", true)]
    [InlineData("02/29/2025", false)]
    [InlineData("2/29/2000", true)]
    [InlineData("02/29/1900", false)]
    [InlineData("00/10/2025", false)]
    [InlineData("10/00/2025", false)]
    [InlineData("10/03/25", false)]
    [InlineData("100/3/2025", false)]
    public void Us_dates_must_exist(string text, bool valid)
    {
        Assert.Equal(valid ? CoercionResult.Value : CoercionResult.Failed, FlexibleDate.Coerce(Text(text), out DateOnly _));
    }

    [Fact]
    public void Numbers_and_booleans_are_not_dates()
    {
        Assert.Equal(CoercionResult.Failed, FlexibleDate.Coerce(new JsonScalar(JsonTokenType.Number, "20251003"u8), out DateOnly _));
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(new JsonScalar(JsonTokenType.True, "true"u8), out DateTimeOffset _));
        Assert.Equal(CoercionResult.Null, Plain.Coerce(Text("  "), out DateOnly _));
    }
}
