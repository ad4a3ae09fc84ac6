using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Ingest.Generators.Tests.Infrastructure;

/// <summary>
/// The assemblies a user's project compiles against: the framework (from the trusted platform assemblies of this
/// test process), the Ingest runtime, Apache.Arrow and System.Text.Json. Built once; metadata is shared by every test.
/// </summary>
internal static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The host did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // Only the shared framework: the test's own dependencies (xunit, Roslyn) are not a user's references.
            if (string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal)) paths.Add(path);
        }
        paths.Add(typeof(EntityAttribute).Assembly.Location);
        paths.Add(typeof(Apache.Arrow.Schema).Assembly.Location);
        paths.Add(typeof(System.Text.Json.Utf8JsonReader).Assembly.Location);
        return [.. paths.Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
