using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>
/// A struct column over field columns that are filled on their own: a row is valid when its JSON object was there
/// (<see cref="AppendValid"/>) and null otherwise. Each field column must get exactly one value or null per row,
/// null included for a row whose struct is null.
/// </summary>
public sealed class StructColumnBuffer : ColumnBuffer
{
    private readonly ColumnBuffer[] _fields;

    public StructColumnBuffer(IReadOnlyList<string> names, IReadOnlyList<ColumnBuffer> fields, int capacity)
        : base(TypeOf(names, fields), capacity)
    {
        _fields = [.. fields];
    }

    /// <summary>Marks the current row's struct as present; its fields are appended to their own columns.</summary>
    public void AppendValid()
    {
        int row = Count;
        EnsureRowCapacity(row);
        Count = row + 1;
    }

    public override void AppendNull()
    {
        int row = Count;
        EnsureRowCapacity(row);
        MarkNull(row);
        Count = row + 1;
    }

    protected override ArrayData BuildData(BatchBuffers buffers, ArrowBuffer validity, int nullCount)
    {
        var children = new ArrayData[_fields.Length];
        for (int i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].Count != Count)
            {
                throw new InvalidOperationException(
                    $"Field {i} of a struct column has {_fields[i].Count} rows against the struct's {Count}: every field needs one value or null per row.");
            }
            children[i] = _fields[i].Build(buffers);
        }
        return new ArrayData(Type, Count, nullCount, 0, [validity], children);
    }

    protected override void TruncateValues(int count)
    {
        foreach (ColumnBuffer field in _fields) field.Truncate(count);
    }

    protected override void GrowValues(int capacity)
    {
        // The struct has no buffer but its validity; each field column grows on its own.
    }

    private static StructType TypeOf(IReadOnlyList<string> names, IReadOnlyList<ColumnBuffer> fields)
    {
        if (names.Count != fields.Count) throw new ArgumentException($"{names.Count} names for {fields.Count} fields.", nameof(names));
        return new StructType([.. fields.Select((field, i) => new Field(names[i], field.Type, nullable: true))]);
    }
}
