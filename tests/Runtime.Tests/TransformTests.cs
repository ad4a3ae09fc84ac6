using Apache.Arrow;
using Ingest.Columns;
using Ingest.Extraction;
using Ingest.Runtime.Tests.Entities;
using Ingest.Transforms;

namespace Ingest.Runtime.Tests;

/// <summary>Computed columns: the built-in transforms through an entity and over Arrow arrays directly.</summary>
public sealed class TransformTests
{
    private static StringArray Input(params string?[] values)
    {
        var builder = new StringArray.Builder();
        foreach (string? value in values)
        {
            if (value is null) builder.AppendNull();
            else builder.Append(value);
        }
        return builder.Build();
    }

    private static List<string?> Run<TTransform>(string? argument, params string?[] values) where TTransform : ITransform<StringArray, StringColumnBuffer>
    {
        StringArray input = Input(values);
        var output = new StringColumnBuffer(capacity: 4);
        TTransform.Apply(input, argument, output);
        Assert.Equal(values.Length, output.Count);
        using var buffers = new BatchBuffers();
        var array = (StringArray)ArrowArrayFactory.BuildArray(output.Build(buffers));
        return [.. Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : array.GetString(i))];
    }

    [Fact]
    public void Computed_columns_are_filled_from_their_inputs_in_the_batch()
    {
        using ExtractedBatch batch = Pages.ExtractItems<DerivedRecord>(
            """{"ccode":"CUJ202501JLJL74","zip":"48326-1234","image":"client=FCAUS&vehicle=2025_JL","title":"Jeep Wrangler"}""",
            """{"ccode":"CUJ20","zip":"4832","image":"","title":"Ram 1500"}""",
            """{}""");

        Assert.Equal(["CUJ202501", null, null], batch.Strings("year_code"));
        Assert.Equal(["JLJL74", null, null], batch.Strings("model_code"));
        Assert.Equal(["48326", null, null], batch.Strings("zip5"));
        Assert.Equal(["https://img.example/iris?client=FCAUS&vehicle=2025_JL&pov=front", null, null], batch.Strings("image_url"));
        Assert.Equal(["Wrangler", "Ram 1500", null], batch.Strings("model"));
        Assert.True(batch.Report.IsClean);
    }

    [Fact]
    public void Computed_columns_follow_their_inputs_across_batches()
    {
        EntityExtractor extractor = DerivedRecord.CreateExtractor(batchSize: 2);
        for (int round = 0; round < 20; round++)
        {
            extractor.AppendPage(Pages.Items([.. Enumerable.Range(0, 3).Select(i => $$"""{"zip":"{{10000 + round * 10 + i}}1234","title":"Jeep M{{round}}-{{i}}"}""")]));
            using ExtractedBatch batch = extractor.TakeBatch();
            Assert.Equal([.. Enumerable.Range(0, 3).Select(i => (string?)$"{10000 + round * 10 + i}")], batch.Strings("zip5"));
            Assert.Equal([.. Enumerable.Range(0, 3).Select(i => (string?)$"M{round}-{i}")], batch.Strings("model"));
        }
    }

    [Fact]
    public void A_user_coercer_and_a_user_transform_run_like_the_built_in_ones()
    {
        using ExtractedBatch batch = Pages.ExtractItems<CustomRecord>(
            """{"apr":"3.9%","trim":"Sahara"}""", """{"apr":0.05,"trim":null}""", """{"apr":"-"}""", """{"apr":"lots"}""");

        Assert.Equal([0.039, 0.05, null, null], batch.Doubles("apr"));
        Assert.Equal(["arahaS", null, null, null], batch.Strings("reversed"));
        Assert.Equal(new FailureSample(3, "lots", "page 1"), Assert.Single(batch.Report.Failures("apr").Samples));
    }

    [Theory]
    [InlineData("0,9", "CUJ202501JLJL74", "CUJ202501")]
    [InlineData("9,6", "CUJ202501JLJL74", "JLJL74")]
    [InlineData("9", "CUJ202501JLJL74", "JLJL74")]
    [InlineData("0,9", "CUJ202501", "CUJ202501")]
    [InlineData("9", "CUJ202501", "")]
    [InlineData("9,6", "CUJ202501JLJL7", null)]
    [InlineData("0,9", "CUJ20", null)]
    [InlineData("10", "CUJ202501", null)]
    [InlineData(" 1 , 2 ", "abcd", "bc")]
    [InlineData("0,4", "Café au lait", "Café")]
    [InlineData("3,3", "Cafe\u0301 noir", "e\u0301 n")]
    [InlineData("0,2", "🚙🚗🚕", "🚙🚗")]
    [InlineData("2,9", "ab", null)]
    public void Substring_slices_by_character_and_nulls_input_too_short(string argument, string input, string? expected)
    {
        Assert.Equal([expected], Run<Substring>(argument, input));
    }

    [Theory]
    [InlineData("5,2147483647")]
    [InlineData("2147483647,1")]
    public void Substring_with_a_huge_range_gives_null_instead_of_throwing(string argument)
    {
        Assert.Equal([null, null], Run<Substring>(argument, "CUJ202501", "Café au lait"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("-1,2")]
    [InlineData("1,-2")]
    [InlineData("1,2,3")]
    [InlineData(null)]
    public void Substring_rejects_an_argument_it_cannot_read_and_says_what_to_write(string? argument)
    {
        var error = Assert.Throws<ArgumentException>(() => Run<Substring>(argument, "abc"));
        Assert.Contains("\"0,9\"", error.Message);
    }

    [Theory]
    [InlineData("48326", "48326")]
    [InlineData("483261234", "48326")]
    [InlineData("48326-1234", "48326")]
    [InlineData("02134", "02134")]
    [InlineData("4832", null)]
    [InlineData("48326-12", null)]
    [InlineData("48326 1234", null)]
    [InlineData("4832A", null)]
    [InlineData("483261234X", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Zip5_takes_five_digits_from_a_five_or_nine_digit_zip(string? input, string? expected)
    {
        Assert.Equal([expected], Run<Zip5>(null, input));
    }

    [Fact]
    public void UrlTemplate_puts_the_value_where_the_hole_is_and_nulls_empty_input()
    {
        Assert.Equal(
            ["https://h/p?a=1&x", null, null, "https://h/p?é&x"],
            Run<UrlTemplate>("https://h/p?{0}&x", "a=1", "", null, "é"));
        Assert.Equal(["v-suffix"], Run<UrlTemplate>("{0}-suffix", "v"));
        Assert.Equal(["prefix-v"], Run<UrlTemplate>("prefix-{0}", "v"));
    }

    [Fact]
    public void A_sliced_input_is_read_from_its_offset_with_its_own_nulls()
    {
        // Offset 3 (not a multiple of 8), so both the value offsets and the validity bits must be read from the slice.
        StringArray whole = Input("a", null, "b", "IUJ202510JLJX74", "IUJ202620JTJP74", null, "IUJ202571JTJL74", "x", null, "y");
        var sliced = (StringArray)whole.Slice(3, 5);
        var output = new StringColumnBuffer(capacity: 4);

        Substring.Apply(sliced, "9,6", output);

        using var buffers = new BatchBuffers();
        var array = (StringArray)ArrowArrayFactory.BuildArray(output.Build(buffers));
        Assert.Equal(["JLJX74", "JTJP74", null, "JTJL74", null], Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : array.GetString(i)));
    }

    [Fact]
    public void UrlTemplate_without_a_hole_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Run<UrlTemplate>("https://h/p", "a"));
        Assert.Throws<ArgumentException>(() => Run<UrlTemplate>(null, "a"));
    }

    [Fact]
    public void UrlTemplate_output_can_grow_far_past_its_first_capacity()
    {
        string[] values = [.. Enumerable.Range(0, 300).Select(i => new string((char)('a' + i % 26), i))];
        List<string?> urls = Run<UrlTemplate>("https://h/{0}?q", values);
        Assert.Equal(values.Select(v => v.Length == 0 ? null : $"https://h/{v}?q"), urls);
    }

    [Theory]
    [InlineData("Jeep Wrangler", "Wrangler")]
    [InlineData("Jeep  Grand Cherokee ", "Grand Cherokee")]
    [InlineData("Ram 1500", "Ram 1500")]
    [InlineData(" Ram 1500 ", "Ram 1500")]
    [InlineData("Jeep", "Jeep")]
    [InlineData("jeep Wrangler", "jeep Wrangler")]
    [InlineData("Jeep ", "")]
    [InlineData(null, null)]
    public void StripPrefix_drops_the_prefix_and_trims(string? input, string? expected)
    {
        Assert.Equal([expected], Run<StripPrefix>("Jeep ", input));
    }

    [Fact]
    public void StripPrefix_needs_its_prefix()
    {
        Assert.Throws<ArgumentException>(() => Run<StripPrefix>(null, "Jeep Wrangler"));
    }
}
