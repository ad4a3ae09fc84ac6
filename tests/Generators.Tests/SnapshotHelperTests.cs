using Ingest.Generators.Tests.Infrastructure;
using Xunit.Sdk;

namespace Ingest.Generators.Tests;

/// <summary>The baseline mechanism itself: scrubbing, the received file on a mismatch, and accepting.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private const string Generated = "// Ingest.Generators 1.2.3.4: x\r\n[GeneratedCode(\"Ingest.Generators\", \"1.2.3.4\")]\r\nclass C { }\r\n";
    private const string Scrubbed = "// Ingest.Generators {version}: x\n[GeneratedCode(\"Ingest.Generators\", \"{version}\")]\nclass C { }\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-snapshots-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Scrub_ReplacesTheVersionAndNormalizesLineEnds() => Assert.Equal(Scrubbed, Snapshot.Scrub(Generated));

    [Fact]
    public void Mismatch_WritesReceivedAndSaysHowToAccept()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "C.verified.cs"), Scrubbed.Replace("class C", "class D", StringComparison.Ordinal));

        FailException failure = Assert.Throws<FailException>(() => Snapshot.Compare(_directory, "C", Generated, accept: false));

        Assert.Equal(Scrubbed, File.ReadAllText(Path.Combine(_directory, "C.received.cs")));
        Assert.Contains("first at line 3:\n  - class D { }\n  + class C { }", failure.Message, StringComparison.Ordinal);
        Assert.Contains("INGEST_ACCEPT_SNAPSHOTS=1 dotnet test", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_WritesTheBaselineAndThenMatches()
    {
        Assert.Throws<FailException>(() => Snapshot.Compare(Directory.CreateDirectory(_directory).FullName, "C", Generated, accept: false));

        Snapshot.Compare(_directory, "C", Generated, accept: true);
        Snapshot.Compare(_directory, "C", Generated, accept: false);

        Assert.Equal(Scrubbed, File.ReadAllText(Path.Combine(_directory, "C.verified.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "C.received.cs")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
