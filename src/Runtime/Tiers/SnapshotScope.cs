using Apache.Arrow;
using Ingest.Hashing;

namespace Ingest.Tiers;

/// <summary>
/// The columns a consolidated table's <c>_snapshot</c> is computed over: every value column but the ones declared
/// <see cref="ConsolidatedStageOptions.IgnoredInSnapshot"/>, so a change in those alone (a counter such as
/// <c>days_on_lot</c>) does not make a key changed.
/// </summary>
internal sealed class SnapshotScope
{
    private readonly int[] _hashed;
    private readonly Schema _hashedSchema;
    private readonly SnapshotHasher _hasher = new();

    private SnapshotScope(int[] hashed, Schema hashedSchema)
    {
        _hashed = hashed;
        _hashedSchema = hashedSchema;
    }

    /// <summary>The scope over <paramref name="valueSchema"/>'s columns (<c>_snapshot</c> and anything after it left out).</summary>
    /// <exception cref="ArgumentException">An ignored column is not a value column, or is a key column.</exception>
    public static SnapshotScope For(Schema valueSchema, IReadOnlyList<string> ignored, IReadOnlyList<string> key)
    {
        int values = valueSchema.GetFieldIndex(SnapshotHasher.ColumnName) is >= 0 and var snapshot ? snapshot : valueSchema.FieldsList.Count;
        foreach (string column in ignored)
        {
            int index = valueSchema.GetFieldIndex(column);
            if (index < 0 || index >= values)
                throw new ArgumentException($"Column {column}, to be left out of _snapshot, is not a column of the table. The columns are: {string.Join(", ", valueSchema.FieldsList.Take(values).Select(f => f.Name))}.", nameof(ignored));
            if (key.Contains(column, StringComparer.Ordinal))
                throw new ArgumentException($"Column {column} is the key: it identifies the row, so it cannot be left out of _snapshot.", nameof(ignored));
        }
        int[] hashed = [.. Enumerable.Range(0, values).Where(c => !ignored.Contains(valueSchema.FieldsList[c].Name, StringComparer.Ordinal))];
        var schema = new Schema.Builder();
        foreach (int c in hashed) schema.Field(valueSchema.FieldsList[c]);
        return new SnapshotScope(hashed, schema.Build());
    }

    /// <summary>The <c>_snapshot</c> of each row of <paramref name="batch"/> (whose value columns come first, as in the scope's schema).</summary>
    public Int64Array Hash(RecordBatch batch)
    {
        // The batch only lends its arrays to the hasher: it is not disposed here.
        var hashed = new RecordBatch(_hashedSchema, _hashed.Select(batch.Column), batch.Length);
        return _hasher.HashColumn(hashed);
    }

    /// <summary><paramref name="batch"/> with its <c>_snapshot</c> column computed again over the scope (other columns shared, not copied).</summary>
    public RecordBatch Rehash(RecordBatch batch)
    {
        int snapshot = batch.Schema.GetFieldIndex(SnapshotHasher.ColumnName);
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = c == snapshot ? Hash(batch) : batch.Column(c);
        return new RecordBatch(batch.Schema, columns, batch.Length);
    }
}
