namespace Ingest;

/// <summary>The JSON name of a property when it differs from the naming convention (<c>llp</c> for <c>LowerLevelPackage</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class AliasAttribute(string jsonName) : Attribute
{
    public string JsonName { get; } = jsonName;
}
