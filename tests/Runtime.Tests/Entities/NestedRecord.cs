namespace Ingest.Runtime.Tests.Entities;

/// <summary>Records deep in the page, values deep in the record, and selections out of name/value lists.</summary>
[Entity("nested_records", Records = "response.page.items")]
public sealed partial class NestedRecord
{
    public string? Id { get; init; }

    [Path("a.b.c.d.value")]
    public string? Deep { get; init; }

    [Path("a.b.sibling")]
    public int? Sibling { get; init; }

    [Path("specs[name=Seats].value")]
    public int? Seats { get; init; }

    [Path("specs[name=Engine].value")]
    public string? Engine { get; init; }

    [Path("codes[code=5].label")]
    public string? FiveLabel { get; init; }
}
