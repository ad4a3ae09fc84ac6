using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ingest.Generators.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines of generated code: <c>Snapshots/&lt;Name&gt;.verified.cs</c> beside the test file. The
/// generator's version is scrubbed first so a version bump does not touch every baseline. On a mismatch the actual
/// text is written to <c>&lt;Name&gt;.received.cs</c> (git-ignored) and the test fails; run with
/// <c>INGEST_ACCEPT_SNAPSHOTS=1</c> to overwrite the baselines instead.
/// </summary>
internal static partial class Snapshot
{
    public const string AcceptVariable = "INGEST_ACCEPT_SNAPSHOTS";

    private const string VersionPlaceholder = "{version}";

    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "") =>
        Compare(Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots"), name, actual, IsAccepting());

    /// <summary>Compares <paramref name="actual"/> with <c>&lt;directory&gt;/&lt;name&gt;.verified.cs</c>; <paramref name="accept"/> overwrites it instead of failing.</summary>
    internal static void Compare(string directory, string name, string actual, bool accept)
    {
        string verifiedPath = Path.Combine(directory, name + ".verified.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        string scrubbed = Scrub(actual);

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == scrubbed)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, scrubbed);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, scrubbed);
        string project = Path.GetDirectoryName(directory)!;
        Assert.Fail(
            (verified is null ? $"No baseline for snapshot '{name}' yet." : $"Snapshot '{name}' differs from its baseline{FirstDifference(verified, scrubbed)}") +
            $"\n  baseline: {verifiedPath}\n  received: {receivedPath}\n" +
            $"Compare the two; if the received output is right, accept it with:\n  {AcceptVariable}=1 dotnet test {project} -c Release");
    }

    /// <summary>Replaces the generator version in the header comment and the <c>GeneratedCode</c> attributes.</summary>
    public static string Scrub(string generated) =>
        VersionPattern().Replace(Normalize(generated), VersionPlaceholder);

    private static bool IsAccepting() =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "True";

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e != a) return $", first at line {i + 1}:\n  - {e ?? "<end of file>"}\n  + {a ?? "<end of file>"}";
        }
        return ".";
    }

    // "// Ingest.Generators 0.1.0.0: ..." and [GeneratedCode("Ingest.Generators", "0.1.0.0")]
    [GeneratedRegex("""(?<=Ingest\.Generators(?:", "| ))\d+(?:\.\d+){1,3}""")]
    private static partial Regex VersionPattern();
}
