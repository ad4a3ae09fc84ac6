using Ingest.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ingest.Generators.Tests;

/// <summary>
/// The pipeline's caching: a second run over the same or an unrelated change is served from the cache; an edit
/// that leaves the declaration's meaning alone does not re-emit the source; an edit to what a column reads does.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Car = """
        namespace Shop;

        [Entity("cars", Records = "vehicles", Key = [nameof(Vin)])]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            [Alias("llp")]
            public string? LowerLevelPackage { get; init; }

            [Path("price.msrp"), Coerce<FormattedNumber>]
            public decimal? Msrp { get; init; }

            public Hours? Hours { get; init; }

            public override string ToString() => Vin ?? "";
        }

        [NestedRecord]
        public sealed class Hours
        {
            [Alias("open")]
            public string? Opens { get; init; }
        }
        """;

    // An unsound entity, so the Diagnostics step has an output too.
    private const string Dealer = """
        namespace Shop;

        [Entity("dealers")]
        public sealed partial class Dealer
        {
            public string? Code { get; init; }
        }
        """;

    private static readonly string[] TrackedSteps = [TrackingNames.ParseResults, TrackingNames.EntitySpecs, TrackingNames.Diagnostics];

    [Fact]
    public void SecondRunOnAClone_EveryStepIsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Car, Dealer);
        GeneratorDriver driver = GeneratorHarness.Run(compilation);

        driver = GeneratorHarness.Run(compilation.Clone(), driver);

        AssertEveryStepCachedOrUnchanged(GeneratorHarness.Result(driver));
    }

    [Fact]
    public void UnrelatedFileAdded_EveryStepIsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Car, Dealer);
        GeneratorDriver driver = GeneratorHarness.Run(compilation);

        SyntaxTree unrelated = GeneratorHarness.Parse("namespace Shop; public static class Prices { public static decimal Vat(decimal net) => net * 1.2m; }", "Prices.cs");
        driver = GeneratorHarness.Run(compilation.AddSyntaxTrees(unrelated), driver);

        AssertEveryStepCachedOrUnchanged(GeneratorHarness.Result(driver));
    }

    [Fact]
    public void MethodBodyInTheEntityEdited_SpecUnchangedAndSourceNotRegenerated()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Car, Dealer);
        GeneratorDriver driver = GeneratorHarness.Run(compilation);

        driver = GeneratorHarness.Run(Edit(compilation, "=> Vin ?? \"\";", "=> $\"{Vin} ({Msrp})\";"), driver);

        GeneratorRunResult result = GeneratorHarness.Result(driver);
        // The entity was parsed again (its file changed) and came out equal, so nothing downstream ran.
        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.ParseResults));
        AssertEveryStepCachedOrUnchanged(result);
    }

    [Theory]
    [InlineData("[Alias(\"llp\")]", "[Alias(\"lowerLevelPackage\")]")]
    [InlineData("[Path(\"price.msrp\"), Coerce<FormattedNumber>]", "[Path(\"price.list\"), Coerce<FormattedNumber>]")]
    [InlineData("[Path(\"price.msrp\"), Coerce<FormattedNumber>]", "[Path(\"price.msrp\")]")]
    // A field of a nested record, declared in another type than the entity.
    [InlineData("[Alias(\"open\")]", "[Alias(\"opens\")]")]
    public void DeclarationEdited_SpecModifiedAndSourceRegenerated(string before, string after)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Car, Dealer);
        GeneratorDriver driver = GeneratorHarness.Run(compilation);
        string firstSource = GeneratorHarness.Result(driver).GeneratedSources.Single().SourceText.ToString();

        driver = GeneratorHarness.Run(Edit(compilation, before, after), driver);

        GeneratorRunResult result = GeneratorHarness.Result(driver);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.EntitySpecs));
        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(result));
        Assert.NotEqual(firstSource, result.GeneratedSources.Single().SourceText.ToString());
        // The other entity's diagnostics did not move.
        Assert.All(Reasons(result, TrackingNames.Diagnostics), static r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    private static void AssertEveryStepCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            IReadOnlyList<IncrementalStepRunReason> reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {step} output was {r}."));
        }
        Assert.All(OutputReasons(result), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"A source output was {r}."));
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var steps), $"The pipeline has no step named {step}.");
        return [.. steps.SelectMany(static s => s.Outputs).Select(static o => o.Reason)];
    }

    private static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        [.. result.TrackedOutputSteps.SelectMany(static pair => pair.Value).SelectMany(static s => s.Outputs).Select(static o => o.Reason)];

    /// <summary>The compilation with one replacement made in the entity's file (File0.cs).</summary>
    private static CSharpCompilation Edit(CSharpCompilation compilation, string before, string after)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(static t => t.FilePath == "File0.cs");
        string text = tree.ToString();
        Assert.Contains(before, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, GeneratorHarness.Parse(text.Replace(before, after, StringComparison.Ordinal), tree.FilePath));
    }
}
