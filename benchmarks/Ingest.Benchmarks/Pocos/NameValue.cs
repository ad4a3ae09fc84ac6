using System.Text.Json.Serialization;
using Ingest.Benchmarks.Pocos.Converters;

namespace Ingest.Benchmarks.Pocos;

/// <summary>
/// One entry of a name/value list: attributes are keyed by <c>typeDesc</c>, specs by <c>name</c>; the value is a
/// string or a number depending on the entry, kept as text and converted when mapped to a column.
/// </summary>
public sealed class NameValue
{
    public string? TypeDesc { get; set; }

    public string? Name { get; set; }

    [JsonConverter(typeof(TextOrNumberConverter))]
    public string? Value { get; set; }
}
