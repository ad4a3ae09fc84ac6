namespace Ingest;

/// <summary>
/// The value a column takes when the field is missing or JSON <c>null</c>. A value that fails coercion stays
/// null (and is reported), so bad data is never hidden behind a default.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DefaultAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
