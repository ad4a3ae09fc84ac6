namespace Ingest;

/// <summary>The column name of a property when it differs from the naming convention.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ColumnAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
