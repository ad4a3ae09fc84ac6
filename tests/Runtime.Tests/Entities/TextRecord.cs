using Ingest.Coercers;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>String coercers alone and chained; the order of a chain matters.</summary>
[Entity("text_records", Records = "items")]
public sealed partial class TextRecord
{
    [Coerce<Trim>]
    public string? Trimmed { get; init; }

    [Coerce<Upper>]
    public string? Upper { get; init; }

    [Coerce<Lower>]
    public string? Lower { get; init; }

    [Coerce<EmptyToNull>]
    public string? Blank { get; init; }

    [Coerce<Trim>, Coerce<Upper>, Coerce<EmptyToNull>]
    public string? Code { get; init; }

    [Coerce<Lower>, Coerce<Trim>]
    public string? Email { get; init; }
}
