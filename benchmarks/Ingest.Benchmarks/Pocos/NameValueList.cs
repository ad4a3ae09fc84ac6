namespace Ingest.Benchmarks.Pocos;

/// <summary><c>attributes</c> and <c>specs</c>: an object wrapping a list of name/value entries.</summary>
public sealed class NameValueList
{
    public List<NameValue>? Attributes { get; set; }
}
