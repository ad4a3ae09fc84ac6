using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Ingest.Coercers;

namespace Ingest.Runtime.Tests;

/// <summary>Property tests: a number spelled in any accepted way coerces back to itself.</summary>
public sealed class NumberCoercerProperties
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static JsonScalar Text(byte[] utf8) => new(JsonTokenType.String, utf8);

    private static JsonScalar Number(byte[] utf8) => new(JsonTokenType.Number, utf8);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>"$1,234", "-$1,234", "1,234 hp" and friends: the formatted spellings of <paramref name="digits"/>.</summary>
    private static IEnumerable<string> FormattedSpellings(string grouped, bool negative)
    {
        string sign = negative ? "-" : "";
        yield return sign + grouped;
        yield return sign + "$" + grouped;
        yield return "$" + sign + grouped;
        yield return sign + grouped + " MPG";
        yield return sign + grouped + "%";
        yield return " " + sign + grouped + " ";
        yield return sign + "€" + grouped;
    }

    private static string Grouped(decimal magnitude, int decimals) =>
        magnitude.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Invariant);

    [Fact]
    public void Int32_round_trips_through_plain_and_formatted_spellings()
    {
        Gen.Int.Sample(value =>
        {
            byte[] plain = Utf8(value.ToString(Invariant));
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(plain), out int fromNumber));
            Assert.Equal(value, fromNumber);
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Text(plain), out int fromText));
            Assert.Equal(value, fromText);

            foreach (string spelling in FormattedSpellings(Grouped(Math.Abs((decimal)value), 0), value < 0).Append(value.ToString("N2", Invariant)))
            {
                Assert.True(FormattedNumber.Coerce(Text(Utf8(spelling)), out int formatted) == CoercionResult.Value, spelling);
                Assert.True(value == formatted, spelling);
            }
        });
    }

    [Fact]
    public void Int64_round_trips_through_plain_and_formatted_spellings()
    {
        Gen.Long.Sample(value =>
        {
            byte[] plain = Utf8(value.ToString(Invariant));
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(plain), out long fromNumber));
            Assert.Equal(value, fromNumber);
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Text(plain), out long fromText));
            Assert.Equal(value, fromText);

            foreach (string spelling in FormattedSpellings(Grouped(Math.Abs((decimal)value), 0), value < 0))
            {
                Assert.True(FormattedNumber.Coerce(Text(Utf8(spelling)), out long formatted) == CoercionResult.Value, spelling);
                Assert.True(value == formatted, spelling);
            }
        });
    }

    [Fact]
    public void Integers_one_past_the_range_fail_instead_of_wrapping()
    {
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("2147483648")), out int _));
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("-2147483649")), out int _));
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("9223372036854775808")), out long _));
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("-9223372036854775809")), out long _));
        Assert.Equal(CoercionResult.Failed, FormattedNumber.Coerce(Text(Utf8("$9,223,372,036,854,775,808")), out long _));
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("99999999999999999999")), out long _));
    }

    [Fact]
    public void Doubles_printed_round_trip_parse_exactly_like_double_Parse()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            foreach (string format in new[] { "R", "E17", "G17" })
            {
                string text = value.ToString(format, Invariant);
                byte[] utf8 = Utf8(text);
                Assert.True(Utf8Number.TryParse(utf8, formatted: false, out Utf8Number number), text);
                double parsed = number.ToDouble(utf8);
                Assert.True(double.Parse(text, Invariant).Equals(parsed), $"{text} parsed as {parsed:R}");
                Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(utf8), out double coerced));
                Assert.Equal(value, coerced);
            }
        }, iter: 5000);
    }

    [Fact]
    public void Short_decimal_texts_parse_to_the_nearest_double()
    {
        // Up to 17 significant digits with exponents around the fast path's edges.
        Gen.Select(Gen.Long[-99_999_999_999_999_999, 99_999_999_999_999_999], Gen.Int[-30, 30]).Sample((mantissa, exponent) =>
        {
            string text = mantissa.ToString(Invariant) + "e" + exponent.ToString(Invariant);
            byte[] utf8 = Utf8(text);
            Assert.True(Utf8Number.TryParse(utf8, formatted: false, out Utf8Number number), text);
            Assert.True(double.Parse(text, Invariant).Equals(number.ToDouble(utf8)), text);
        }, iter: 5000);
    }

    [Fact]
    public void Formatted_doubles_parse_like_their_plain_spelling()
    {
        Gen.Select(Gen.Long[0, 999_999_999_999_999], Gen.Int[0, 6], Gen.Bool).Sample((units, decimals, negative) =>
        {
            decimal magnitude = units / (decimal)Math.Pow(10, decimals);
            string plain = (negative ? "-" : "") + magnitude.ToString(Invariant);
            double expected = double.Parse(plain, Invariant);
            foreach (string spelling in FormattedSpellings(Grouped(magnitude, decimals), negative))
            {
                Assert.True(FormattedNumber.Coerce(Text(Utf8(spelling)), out double parsed) == CoercionResult.Value, spelling);
                Assert.True(expected.Equals(parsed) || (expected == 0 && parsed == 0), $"{spelling}: {parsed:R} != {expected:R}");
            }
        });
    }

    [Fact]
    public void Money_decimals_round_trip_through_plain_and_formatted_spellings()
    {
        Gen.Select(Gen.Long[-99_999_999_999_999_999, 99_999_999_999_999_999], Gen.Int[0, 4]).Sample((units, scale) =>
        {
            decimal value = units / (decimal)Math.Pow(10, scale);
            byte[] plain = Utf8(value.ToString(Invariant));
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(plain), out decimal fromNumber));
            Assert.Equal(value, fromNumber);
            Assert.Equal(CoercionResult.Value, Plain.Coerce(Text(plain), out decimal fromText));
            Assert.Equal(value, fromText);

            foreach (string spelling in FormattedSpellings(Grouped(Math.Abs(value), scale), value < 0))
            {
                Assert.True(FormattedNumber.Coerce(Text(Utf8(spelling)), out decimal formatted) == CoercionResult.Value, spelling);
                Assert.True(value == formatted, $"{spelling} gave {formatted}");
            }
        });
    }

    [Fact]
    public void Any_decimal_round_trips_through_its_invariant_text()
    {
        Gen.Decimal.Sample(value =>
        {
            byte[] text = Utf8(value.ToString(Invariant));
            Assert.True(Plain.Coerce(Number(text), out decimal parsed) == CoercionResult.Value, value.ToString(Invariant));
            Assert.Equal(value, parsed);
        });
    }

    [Fact]
    public void Decimals_with_more_than_nineteen_digits_keep_them_all()
    {
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(Utf8("12345678901234567890.12")), out decimal plain));
        Assert.Equal(12345678901234567890.12m, plain);
        Assert.Equal(CoercionResult.Value, FormattedNumber.Coerce(Text(Utf8("-$12,345,678,901,234,567,890.12")), out decimal formatted));
        Assert.Equal(-12345678901234567890.12m, formatted);
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Number(Utf8("123456789012345678901234567890123")), out decimal _));
    }

    [Fact]
    public void Number_texts_longer_than_the_stack_buffer_parse_whole()
    {
        string tiny = "0." + new string('0', 150) + "123456789012345678901";
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(Utf8(tiny)), out double small));
        Assert.Equal(double.Parse(tiny, Invariant), small);
        string huge = "1234567890123456789012" + new string('0', 200);
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(Utf8(huge)), out double big));
        Assert.Equal(double.Parse(huge, Invariant), big);
    }

    [Theory]
    [InlineData("48,995.00", 48995.00)]
    [InlineData("$12,345.00", 12345.00)]
    [InlineData("285", 285)]
    [InlineData("20 MPG", 20)]
    [InlineData("5 mi.", 5)]
    [InlineData("$-12.00", -12)]
    [InlineData("-$12.00", -12)]
    [InlineData("£1,000", 1000)]
    [InlineData("1.5e3", 1500)]
    public void FormattedNumber_examples_from_the_documentation(string text, double expected)
    {
        Assert.Equal(CoercionResult.Value, FormattedNumber.Coerce(Text(Utf8(text)), out double parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_text_is_no_value_not_a_failure(string text)
    {
        Assert.Equal(CoercionResult.Null, FormattedNumber.Coerce(Text(Utf8(text)), out int _));
        Assert.Equal(CoercionResult.Null, Plain.Coerce(Text(Utf8(text)), out double _));
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("$5")]
    [InlineData("20 MPG")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1e")]
    [InlineData(".")]
    [InlineData("0x10")]
    public void Plain_refuses_what_only_people_write(string text)
    {
        Assert.Equal(CoercionResult.Failed, Plain.Coerce(Text(Utf8(text)), out double _));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("MPG")]
    [InlineData("12 34")]
    [InlineData("1,2,3.4.5")]
    [InlineData(",123")]
    [InlineData("12$")]
    [InlineData("twelve")]
    public void FormattedNumber_refuses_text_that_is_not_a_number(string text)
    {
        Assert.Equal(CoercionResult.Failed, FormattedNumber.Coerce(Text(Utf8(text)), out double _));
    }

    [Fact]
    public void Numbers_with_more_than_nineteen_digits_still_parse_as_doubles()
    {
        const string text = "123456789012345678901234567890.123456789";
        Assert.Equal(CoercionResult.Value, Plain.Coerce(Number(Utf8(text)), out double parsed));
        Assert.Equal(double.Parse(text, Invariant), parsed);
        Assert.Equal(CoercionResult.Value, FormattedNumber.Coerce(Text(Utf8("$123,456,789,012,345,678,901,234,567,890.12")), out double formatted));
        Assert.Equal(123456789012345678901234567890.12, formatted);
    }
}
