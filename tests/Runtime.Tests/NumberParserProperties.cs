using System.Text;
using CsCheck;
using Ingest.Coercers;

namespace Ingest.Runtime.Tests;

/// <summary>
/// <see cref="Utf8Number.TryParse"/> reads numbers of up to 19 digits in one tight loop and hands longer ones to
/// <see cref="Utf8Number.TryParseGeneral"/>: on any text, the two must give the same answer.
/// </summary>
public sealed class NumberParserProperties
{
    // Number-like text from its parts, each sometimes absent or malformed: spaces, signs, currency, digits with and
    // without commas (long runs and leading zeros too), a fraction, an exponent, a unit, and stray characters.
    private static readonly Gen<string> Part = Gen.OneOf<string>(
        "", "", " ", "-", "+", "$", "€", "£", ",", ".", "e", "E", "e-", "e+", "MPG", " MPG", "%", " mi.", "/", "x", "0", "00");

    private static readonly Gen<string> Digits = Gen.OneOf(
        Gen.Int[0, 999_999].Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Char['0', '9'].Array[1, 30].Select(c => new string(c)),
        Gen.Long[0, long.MaxValue].Select(v => v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> NumberLike =
        Gen.Select(Part, Part, Digits, Part, Digits, Part, Part, (a, b, c, d, e, f, g) => a + b + c + d + e + f + g);

    [Fact]
    public void The_fast_parser_agrees_with_the_general_one_on_any_number_like_text()
    {
        Gen.Select(NumberLike, Gen.Bool).Sample((text, formatted) =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            bool fast = Utf8Number.TryParse(utf8, formatted, out Utf8Number a);
            bool general = Utf8Number.TryParseGeneral(utf8, formatted, out Utf8Number b);
            Assert.True(fast == general, $"'{text}' formatted={formatted}: fast {fast}, general {general}");
            Assert.True(a.Equals(b), $"'{text}' formatted={formatted}: fast {a.Mantissa}e{a.Exponent} neg={a.IsNegative} trunc={a.IsTruncated}, general {b.Mantissa}e{b.Exponent} neg={b.IsNegative} trunc={b.IsTruncated}");
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("48,995.00", true)]
    [InlineData("$12,345.00", true)]
    [InlineData("20 MPG", true)]
    [InlineData("-73.98571", false)]
    [InlineData("1234567890123456789", false)]
    [InlineData("12345678901234567890", false)]
    [InlineData("0000000000000000000012.5", false)]
    [InlineData("1e5", false)]
    [InlineData("1,2", true)]
    [InlineData(",12", true)]
    [InlineData(".", false)]
    public void Examples_agree(string text, bool formatted)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Utf8Number.TryParseGeneral(utf8, formatted, out Utf8Number general), Utf8Number.TryParse(utf8, formatted, out Utf8Number fast));
        Assert.Equal(general, fast);
    }
}
