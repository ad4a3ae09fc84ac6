using System.Text;
using CsCheck;
using Ingest.Coercers;

namespace Ingest.Runtime.Tests;

/// <summary>Property tests for the string coercers on their own, against the BCL's invariant behaviour.</summary>
public sealed class StringCoercerProperties
{
    private delegate CoercionResult StringCoercion(ReadOnlySpan<byte> utf8, Span<byte> scratch, out ReadOnlySpan<byte> result);

    private static (CoercionResult Result, string Text) Apply(StringCoercion coerce, string input)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(input);
        byte[] scratch = new byte[utf8.Length * 3];
        CoercionResult result = coerce(utf8, scratch, out ReadOnlySpan<byte> output);
        return (result, Encoding.UTF8.GetString(output));
    }

    private static string MapRunes(string text, bool upper)
    {
        var builder = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes()) builder.Append((upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune)).ToString());
        return builder.ToString();
    }

    // Text that mixes ASCII, accented Latin, Greek, Turkish dotless i, 3-byte and 4-byte characters and spaces.
    private static readonly Gen<string> Texts = Gen.String[Gen.Frequency(
        (6, Gen.Char['a', 'z']), (3, Gen.Char['A', 'Z']), (2, Gen.Const(' ')), (2, Gen.Char['\u00c0', '\u00ff']),
        (1, Gen.Char['\u0391', '\u03c9']), (1, Gen.Const('\u0131')), (1, Gen.Const('\u2c65')), (1, Gen.Const('\u0250'))), 0, 40]
        .Select(Gen.Bool, (text, emoji) => emoji ? text + "🚙" : text);

    [Fact]
    public void Upper_and_Lower_map_every_rune_like_the_invariant_culture()
    {
        Texts.Sample(text =>
        {
            Assert.Equal((CoercionResult.Value, MapRunes(text, upper: true)), Apply(Upper.Coerce, text));
            Assert.Equal((CoercionResult.Value, MapRunes(text, upper: false)), Apply(Lower.Coerce, text));
        });
    }

    [Fact]
    public void Trim_removes_surrounding_white_space_and_no_break_spaces_only()
    {
        Gen.Select(Texts, Gen.String[Gen.OneOf(' ', '\t', '\n', '\r', '\u00a0'), 0, 4], Gen.String[Gen.OneOf(' ', '\t', '\n', '\r', '\u00a0'), 0, 4])
            .Sample((text, before, after) =>
            {
                (CoercionResult result, string trimmed) = Apply(Trim.Coerce, before + text + after);
                Assert.Equal(CoercionResult.Value, result);
                Assert.Equal(text.Trim(' ', '\t', '\n', '\r', '\u00a0'), trimmed);
                Assert.Equal(trimmed, Apply(Trim.Coerce, trimmed).Text);
            });
    }

    [Fact]
    public void EmptyToNull_nulls_exactly_the_blank_text()
    {
        Texts.Sample(text =>
        {
            (CoercionResult result, string output) = Apply(EmptyToNull.Coerce, text);
            Assert.Equal(text.Trim(' ').Length == 0 ? CoercionResult.Null : CoercionResult.Value, result);
            if (result == CoercionResult.Value) Assert.Equal(text, output);
        });
    }

    [Fact]
    public void Case_mapping_leaves_invalid_utf8_for_the_column_to_report()
    {
        byte[] invalid = [(byte)'a', 0xC3, 0x28];
        byte[] scratch = new byte[9];
        Assert.Equal(CoercionResult.Value, Upper.Coerce(invalid, scratch, out ReadOnlySpan<byte> result));
        Assert.Equal(invalid, result.ToArray());
    }
}
