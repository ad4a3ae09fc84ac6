using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ingest.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Ingest.Generators.Tests;

/// <summary>
/// Every diagnostic has what the catalogue promises: a unique id, a help link to its page, a page whose examples are
/// true (the bad one reports the id, the fixed one compiles cleanly), a release-tracking line, and a test.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private const string ExampleUsings = "using System.Text;\nusing Apache.Arrow;\nusing Ingest.Columns;\n\n";

    public static TheoryData<string> Ids { get; } = [.. Descriptors().Select(static d => d.Descriptor.Id)];

    [Fact]
    public void Ids_AreUniqueAndNumberedWithoutGaps()
    {
        string[] ids = [.. Descriptors().Select(static d => d.Descriptor.Id)];

        Assert.Equal([.. Enumerable.Range(1, ids.Length).Select(static n => $"ING{n:000}")], ids.Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsPageReleaseLineAndTest(string id)
    {
        (string name, DiagnosticDescriptor descriptor) = Descriptors().Single(d => d.Descriptor.Id == id);

        Assert.Equal("Ingest", descriptor.Category);
        Assert.NotEqual("", descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        string page = File.ReadAllText(RepoPath("docs", "diagnostics", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"]({id}.md)", File.ReadAllText(RepoPath("docs", "diagnostics", "README.md")), StringComparison.Ordinal);
        Assert.Contains($"{id} | Ingest | Error | {name}", File.ReadAllText(RepoPath("src", "Generators", "AnalyzerReleases.Unshipped.md")), StringComparison.Ordinal);
        Assert.NotNull(typeof(DiagnosticTests).GetMethod($"{id}_{name}", BindingFlags.Public | BindingFlags.Instance));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_BadExampleReportsTheIdAndFixedExampleCompiles(string id)
    {
        string[] examples = [.. CSharpBlock().Matches(File.ReadAllText(RepoPath("docs", "diagnostics", id + ".md")).ReplaceLineEndings("\n")).Select(static m => m.Groups["code"].Value)];
        Assert.Equal(2, examples.Length);

        GeneratorOutput bad = GeneratorHarness.Generate(ExampleUsings + examples[0]);
        Assert.NotEmpty(bad.GeneratorDiagnostics);
        Assert.All(bad.GeneratorDiagnostics, d => Assert.Equal(id, d.Id));

        GeneratorOutput fixedExample = GeneratorHarness.Generate(ExampleUsings + examples[1]);
        Assert.Empty(fixedExample.GeneratorDiagnostics);
        Assert.NotEmpty(fixedExample.Run.GeneratedSources);
        Assert.True(fixedExample.CompilationProblems().Count == 0, string.Join("\n", fixedExample.CompilationProblems()));
    }

    private static IEnumerable<(string Name, DiagnosticDescriptor Descriptor)> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(static f => (f.Name, (DiagnosticDescriptor)f.GetValue(null)!));

    private static string RepoPath(params string[] parts) => Path.Combine([RepoRoot(), .. parts]);

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
