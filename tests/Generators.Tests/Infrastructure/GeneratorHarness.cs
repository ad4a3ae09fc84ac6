using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ingest.Generators.Tests.Infrastructure;

/// <summary>Builds a user's compilation from source text and runs <see cref="EntityGenerator"/> over it.</summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The usings an entity file in a project with implicit usings sees, plus the Ingest namespaces.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using Ingest;
        global using Ingest.Coercers;
        global using Ingest.Transforms;
        """;

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    /// <summary>A library compilation of <paramref name="sources"/> (named <c>File0.cs</c>, <c>File1.cs</c>…) and the global usings.</summary>
    public static CSharpCompilation Compile(params string[] sources)
    {
        var trees = new List<SyntaxTree> { Parse(GlobalUsings, "GlobalUsings.cs") };
        for (int i = 0; i < sources.Length; i++) trees.Add(Parse(sources[i], $"File{i}.cs"));
        return CSharpCompilation.Create("UserProject", trees, References.All, CompilationOptions);
    }

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>A driver that records every named step, as the incrementality tests need.</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new EntityGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once (or again, on <paramref name="driver"/>) and returns the driver's new state.</summary>
    public static GeneratorDriver Run(Compilation compilation, GeneratorDriver? driver = null) =>
        (driver ?? CreateDriver()).RunGenerators(compilation);

    /// <summary>The single generator's result of the driver's last run.</summary>
    public static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    /// <summary>Runs the generator and compiles its output with the input.</summary>
    public static GeneratorOutput Generate(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorOutput(Result(driver), generatorDiagnostics, output);
    }
}

/// <summary>What one generator run produced, and the user's compilation with the generated files added.</summary>
internal sealed record GeneratorOutput(GeneratorRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Compilation)
{
    /// <summary>The text of the only generated file.</summary>
    public string SingleSource()
    {
        Assert.Empty(GeneratorDiagnostics);
        GeneratedSourceResult source = Assert.Single(Run.GeneratedSources);
        return source.SourceText.ToString();
    }

    /// <summary>Warnings and errors of the input compiled with the generated code, one per line, for an assertion message.</summary>
    public IReadOnlyList<string> CompilationProblems() =>
        [.. Compilation.GetDiagnostics()
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(static d => d.ToString())];
}
