namespace Ingest.Runtime.Tests.Entities;

/// <summary>
/// JSON names of one length (7 bytes) that the generated matcher tells apart by one byte: two share that byte
/// ("fabrics", "fabrica"), one has a byte outside ASCII there ("façade").
/// </summary>
[Entity("lookalike_records", Records = "items")]
public sealed partial class LookalikeNamesRecord
{
    [Alias("façade")]
    public string? Facade { get; init; }

    public string? Fabrics { get; init; }

    public string? Fabrica { get; init; }

    public string? Outputs { get; init; }
}
