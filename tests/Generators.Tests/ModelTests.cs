using Ingest.Generators.Helpers;
using Ingest.Generators.Model;
using Ingest.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ingest.Generators.Tests;

/// <summary>
/// The pipeline's model holds values only: no symbol, syntax node, compilation, semantic model, tree or location
/// anywhere in any tracked step's output, so a cached step never keeps an old compilation alive.
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public void TrackedStepOutputs_HoldNoCompilerObjects()
    {
        // Every attribute kind, plus an unsound entity so diagnostics (with their locations) flow through too.
        CSharpCompilation compilation = GeneratorHarness.Compile("""
            namespace Shop;

            [Entity("cars", Records = "result.data.vehicles", Key = [nameof(Vin)])]
            public sealed partial class Car
            {
                public string? Vin { get; init; }

                [Alias("llp"), Column("lower_level_package")]
                public string? LowerLevelPackage { get; init; }

                [Path("price.msrp"), Coerce<FormattedNumber>, Decimal(12, 2)]
                public decimal? Msrp { get; init; }

                [Path("attributes.attributes[typeDesc=Drive].value"), Coerce<Trim>, Coerce<Upper>]
                public string? Drive { get; init; }

                [Default(4)]
                public int? Doors { get; init; }

                public List<double>? Payments { get; init; }

                public string? DealerZipCode { get; init; }

                [Transform<Zip5>(nameof(DealerZipCode))]
                public string? DealerZip5 { get; init; }
            }

            [Entity("dealers")]
            public sealed class Dealer
            {
                public Guid Id { get; init; }
            }
            """);
        GeneratorRunResult result = GeneratorHarness.Result(GeneratorHarness.Run(compilation));

        foreach (string step in new[] { TrackingNames.ParseResults, TrackingNames.EntitySpecs, TrackingNames.Diagnostics })
        {
            (object Value, IncrementalStepRunReason Reason)[] outputs = [.. result.TrackedSteps[step].SelectMany(static s => s.Outputs)];
            Assert.NotEmpty(outputs);
            for (int i = 0; i < outputs.Length; i++)
            {
                IReadOnlyList<string> found = ModelWalker.FindCompilerObjects(outputs[i].Value, $"{step}[{i}]");
                Assert.True(found.Count == 0, "Compiler objects in the model:\n" + string.Join("\n", found));
            }
        }
    }

    [Fact]
    public void Walker_FindsALocationInARecord()
    {
        IReadOnlyList<string> found = ModelWalker.FindCompilerObjects(new Holder(Location.None));

        Assert.Equal(["value.Value: " + Location.None.GetType().FullName], found);
    }

    [Fact]
    public void Walker_FindsASyntaxTreeInsideAnEquatableArray()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { }");
        var spec = new Holder(new EquatableArray<Holder>([new Holder("clean"), new Holder(tree)]));

        IReadOnlyList<string> found = ModelWalker.FindCompilerObjects(spec);

        Assert.Equal(["value.Value._items[1].Value: " + tree.GetType().FullName], found);
    }

    [Fact]
    public void Walker_FindsSymbolsAndSyntaxInCollectionsAndPrivateFields()
    {
        CSharpCompilation compilation = CSharpCompilation.Create("Empty");
        var holder = new PrivateHolder(
            compilation,
            new Dictionary<string, object> { ["namespace"] = compilation.GlobalNamespace },
            [("node", CSharpSyntaxTree.ParseText("class C { }").GetRoot())]);

        IReadOnlyList<string> found = ModelWalker.FindCompilerObjects(holder);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, static f => f.StartsWith("value._compilation:", StringComparison.Ordinal));
        Assert.Contains(found, static f => f.StartsWith("value._byName._entries[", StringComparison.Ordinal) && f.Contains(".value:", StringComparison.Ordinal));
        Assert.Contains(found, static f => f.StartsWith("value._pairs._items[0].Item2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Walker_PassesAValueOnlySpecAndStopsAtCycles()
    {
        var column = new ColumnSpec("Vin", "vin", ColumnKind.String, 18, 2,
            new EquatableArray<PathSegment>([new PathSegment("vin", null, null)]), EquatableArray<string>.Empty, null, null);
        var spec = new EntitySpec("Shop", "Car", "cars", "vehicles", new EquatableArray<string>(["vin"]), new EquatableArray<ColumnSpec>([column]));
        var cycle = new Node();
        cycle.Next = cycle;

        Assert.Empty(ModelWalker.FindCompilerObjects(spec));
        Assert.Empty(ModelWalker.FindCompilerObjects(cycle));
    }

    private sealed record Holder(object Value);

    private sealed class PrivateHolder(Compilation compilation, Dictionary<string, object> byName, List<(string, SyntaxNode)> pairs)
    {
        private readonly Compilation _compilation = compilation;
        private readonly Dictionary<string, object> _byName = byName;
        private readonly List<(string, SyntaxNode)> _pairs = pairs;

        public override string ToString() => $"{_compilation.AssemblyName} {_byName.Count} {_pairs.Count}";
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
