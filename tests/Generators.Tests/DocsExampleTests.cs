using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ingest.Generators.Tests.Infrastructure;

namespace Ingest.Generators.Tests;

/// <summary>The declarations docs/declaring-entities.md shows compile, with no diagnostic, into the columns it names.</summary>
public sealed partial class DocsExampleTests
{
    [Fact]
    public void The_nested_records_example_compiles_into_a_struct_column_and_a_list_of_structs()
    {
        string page = File.ReadAllText(Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "docs", "declaring-entities.md"))).ReplaceLineEndings("\n");
        string section = page[page.IndexOf("## Nested records", StringComparison.Ordinal)..];
        string example = CSharpBlock().Match(section).Groups["code"].Value;

        GeneratorOutput output = GeneratorHarness.Generate("namespace Docs;\n\n" + example);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.True(output.CompilationProblems().Count == 0, string.Join("\n", output.CompilationProblems()));
        string generated = output.SingleSource();
        Assert.Contains("new global::Apache.Arrow.Field(\"monday_hours\", new global::Apache.Arrow.Types.StructType(", generated, StringComparison.Ordinal);
        Assert.Contains("new global::Apache.Arrow.Field(\"incentives\", new global::Apache.Arrow.Types.ListType(new global::Apache.Arrow.Field(\"item\", new global::Apache.Arrow.Types.StructType(", generated, StringComparison.Ordinal);
    }

    private static string ThisDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
