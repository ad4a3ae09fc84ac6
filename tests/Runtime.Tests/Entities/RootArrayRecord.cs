namespace Ingest.Runtime.Tests.Entities;

/// <summary>Records that are the page itself: a top-level JSON array.</summary>
[Entity("root_array_records", Records = "$")]
public sealed partial class RootArrayRecord
{
    public string? Id { get; init; }
}
