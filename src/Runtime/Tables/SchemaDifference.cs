namespace Ingest.Tables;

/// <summary>
/// Committed partitions of a table whose schema is not the one of the partition they were compared with (see
/// <see cref="Table.SchemaDifferences"/>): the columns that partition has and these lack (<see cref="Added"/>), those
/// these have and it lacks (<see cref="Removed"/>), and those both have with another type or nullability
/// (<see cref="Changed"/>, <c>name: theirs → its</c>). All three empty: the same columns in another order.
/// </summary>
/// <remarks>
/// A reader that takes one file's schema for a whole glob (DuckDB's <c>read_parquet</c> without
/// <c>union_by_name = true</c>) silently drops the columns its first file lacks; re-running the transformed stage for
/// those partitions (<c>ingest run &lt;scenario&gt; --stage &lt;stage&gt; --date &lt;date&gt;</c>) brings them to
/// the new schema from their raw pages.
/// </remarks>
public sealed record SchemaDifference(IReadOnlyList<DateOnly> Partitions, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    /// <summary>E.g. <c>2 partitions (2026-11-25, 2026-11-26): added trim2; changed msrp: decimal128(10,2) → decimal128(18,2)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Added.Count > 0) parts.Add("added " + Listed(Added));
        if (Removed.Count > 0) parts.Add("removed " + Listed(Removed));
        if (Changed.Count > 0) parts.Add("changed " + Listed(Changed));
        if (parts.Count == 0) parts.Add("the same columns in another order");
        string dates = Partitions.Count <= 3
            ? string.Join(", ", Partitions.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            : $"{Partitions[0]:yyyy-MM-dd} … {Partitions[^1]:yyyy-MM-dd}";
        return $"{Partitions.Count} partition{(Partitions.Count == 1 ? "" : "s")} ({dates}): {string.Join("; ", parts)}";
    }

    /// <summary>What <paramref name="ours"/> has against <paramref name="theirs"/>, for <paramref name="partitions"/> (which have <paramref name="theirs"/>).</summary>
    internal static SchemaDifference Between(IReadOnlyList<ManifestColumn> ours, IReadOnlyList<ManifestColumn> theirs, IReadOnlyList<DateOnly> partitions)
    {
        var theirsByName = theirs.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var oursByName = ours.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new SchemaDifference(
            partitions,
            Added: [.. ours.Where(c => !theirsByName.ContainsKey(c.Name)).Select(c => c.Name)],
            Removed: [.. theirs.Where(c => !oursByName.ContainsKey(c.Name)).Select(c => c.Name)],
            Changed: [.. ours.Where(c => theirsByName.TryGetValue(c.Name, out ManifestColumn? t) && (t.Type != c.Type || t.Nullable != c.Nullable))
                .Select(c => $"{c.Name}: {Describe(theirsByName[c.Name])} → {Describe(c)}")]);
    }

    /// <summary>A few names, then how many more: a summary line stays readable when a whole entity changed.</summary>
    private static string Listed(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(4))} and {names.Count - 4} more";

    private static string Describe(ManifestColumn column) => column.Nullable ? column.Type : column.Type + " not null";
}
