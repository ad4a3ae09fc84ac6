using System.CommandLine;

namespace Ingest.Runner;

/// <summary>The <c>&lt;namespace/table&gt;</c> argument the table commands share (<c>inspect</c>, <c>prune</c>).</summary>
public static class TableArgument
{
    public static Argument<string> Create() => new("table") { Description = "The table as namespace/name, e.g. stellantis/raw_inventory." };

    /// <summary>The namespace and name, or null after saying on stderr how to write it.</summary>
    public static (string Namespace, string Name)? Parse(string text)
    {
        string[] parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2) return (parts[0], parts[1]);
        Console.Error.WriteLine($"'{text}' is not namespace/name; write e.g. stellantis/raw_inventory (see the tables `{IngestApp.Name} run` printed).");
        return null;
    }
}
