namespace Ingest.Runner.Stages;

/// <summary>
/// An asset key <c>&lt;oem&gt;/&lt;tier&gt;/&lt;name&gt;</c> names a table: namespace <c>&lt;oem&gt;</c> and table
/// <c>&lt;tier&gt;_&lt;name&gt;</c>, so <c>stellantis/raw/inventory</c> lives at <c>&lt;warehouse&gt;/stellantis/raw_inventory</c>.
/// </summary>
public readonly record struct AssetKey(string Namespace, string Table)
{
    public static AssetKey Parse(string key)
    {
        string[] parts = key.Split('/');
        if (parts.Length < 2 || parts.Any(p => p.Length == 0))
            throw new Scenarios.ScenarioException($"Asset key '{key}' should read <oem>/<tier>/<name>, e.g. stellantis/raw/inventory.");
        return new AssetKey(parts[0], string.Join('_', parts[1..]));
    }

    public override string ToString() => Namespace + "/" + Table;
}
