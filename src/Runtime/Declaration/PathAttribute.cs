namespace Ingest;

/// <summary>
/// A nested location of a property's value inside a record: dotted JSON names (<c>price.msrp</c>), optionally
/// selecting one element of a name/value list: <c>attributes.attributes[typeDesc=Drive].value</c> takes
/// <c>value</c> from the element whose <c>typeDesc</c> is <c>Drive</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PathAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
