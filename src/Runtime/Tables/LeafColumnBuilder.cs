using Apache.Arrow;
using Ingest.Hashing;
using Parquet;
using Parquet.Schema;

namespace Ingest.Tables;

/// <summary>
/// One Parquet leaf column of a row group's Arrow column: walks the Arrow arrays along the leaf's path (the lists
/// and structs of <see cref="NestingStep"/>) and converts the slots to Parquet.Net's values and levels, then writes
/// them as the leaf's column chunk and gives the buffers back to the pool.
/// </summary>
/// <remarks>
/// Levels (Dremel) follow from the Parquet schema: a present value is the leaf's
/// <see cref="Field.MaxDefinitionLevel"/> M, a null value M − 1; a null or empty list or a null struct on the way
/// stops there with one entry of its own level (<see cref="NestingStep"/>), for this leaf as for every other leaf
/// under it. Repetition 0 starts a row; each further element of a list repeats at that list's level, and the first
/// entry of an element takes the level its element got. A struct's slot i is slot <c>Offset + i</c> of its field
/// arrays (Arrow: a parent's offset applies to its children, which add their own).
/// </remarks>
internal sealed class LeafColumnBuilder
{
    private readonly string _path;
    private readonly NestingStep[] _steps;
    private readonly DataField _leaf;
    private readonly LeafValues _values;
    private readonly GrowableBuffer<int>? _definitions;
    private readonly GrowableBuffer<int>? _repetitions;
    private readonly int _present;
    private readonly int _nullValue;

    public LeafColumnBuilder(string path, NestingStep[] steps, DataField leaf, LeafValues values)
    {
        _path = path;
        _steps = steps;
        _leaf = leaf;
        _values = values;
        _present = leaf.MaxDefinitionLevel;
        _nullValue = _present - 1;
        if (_present > 0) _definitions = new GrowableBuffer<int>();
        if (leaf.MaxRepetitionLevel > 0) _repetitions = new GrowableBuffer<int>();
    }

    /// <summary>Converts <paramref name="segments"/> (<paramref name="rows"/> in all), writes the leaf's column chunk, and empties the leaf.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter writer, IReadOnlyList<ArrayData> segments, int rows, CancellationToken cancellationToken)
    {
        try
        {
            if (_definitions is not null && _repetitions is null) _definitions.EnsureCapacity(rows);
            foreach (ArrayData segment in segments) Convert(0, segment, 0, segment.Length, 0, 0);
            await _values.WriteAsync(writer, _leaf, _definitions?.Memory, _repetitions?.Memory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Empties the leaf and gives its buffers back to the pool.</summary>
    public void Release()
    {
        _values.Release();
        _definitions?.Release();
        _repetitions?.Release();
    }

    /// <summary>
    /// Slots <paramref name="start"/>..+<paramref name="count"/> (logical indexes) of <paramref name="data"/>, the array
    /// at step <paramref name="depth"/> of the path: the first slot's entries start at repetition level
    /// <paramref name="firstRepetition"/>, the others' at <paramref name="nextRepetition"/>.
    /// </summary>
    private void Convert(int depth, ArrayData data, int start, int count, int firstRepetition, int nextRepetition)
    {
        if (depth == _steps.Length)
        {
            ConvertValues(data, start, count, firstRepetition, nextRepetition);
            return;
        }
        NestingStep step = _steps[depth];
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        if (step.IsList)
        {
            ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
            ArrayData items = data.Children[0];
            for (int i = 0; i < count; i++)
            {
                int row = start + i;
                int repetition = i == 0 ? firstRepetition : nextRepetition;
                if (!ArrowSpans.IsValid(validity, data.Offset + row))
                {
                    AddLevels(NullDefinition(step, "list"), repetition);
                    continue;
                }
                int from = offsets[row];
                int length = offsets[row + 1] - from;
                if (length == 0) AddLevels(step.EmptyDefinition, repetition);
                else Convert(depth + 1, items, from, length, repetition, step.Repetition);
            }
            return;
        }

        ArrayData field = data.Children[step.Field];
        int first = data.Offset + start;
        if (validity.IsEmpty)
        {
            Convert(depth + 1, field, first, count, firstRepetition, nextRepetition);
            return;
        }
        // Runs of present structs go down to the field together; a null struct is one entry at its own level.
        int run = 0;
        for (int i = 0; i <= count; i++)
        {
            if (i < count && ArrowSpans.IsValid(validity, first + i)) continue;
            if (i > run) Convert(depth + 1, field, first + run, i - run, run == 0 ? firstRepetition : nextRepetition, nextRepetition);
            if (i < count) AddLevels(NullDefinition(step, "struct"), i == 0 ? firstRepetition : nextRepetition);
            run = i + 1;
        }
    }

    private void ConvertValues(ArrayData data, int start, int count, int firstRepetition, int nextRepetition)
    {
        if (!_leaf.IsNullable && _definitions is not null && HasNull(data, start, count))
            throw new InvalidDataException($"Column {_path} is declared not nullable but the batch has a null in it.");
        _values.Append(data, start, count, _definitions, _present, _nullValue);
        if (_repetitions is null) return;
        _repetitions.Add(firstRepetition);
        _repetitions.Append(count - 1).Fill(nextRepetition);
    }

    private void AddLevels(int definition, int repetition)
    {
        _definitions!.Add(definition);
        _repetitions?.Add(repetition);
    }

    private int NullDefinition(NestingStep step, string what) => step.NullDefinition >= 0
        ? step.NullDefinition
        : throw new InvalidDataException($"Column {_path} has a {what} declared not nullable but the batch has a null {what} on its way.");

    private static bool HasNull(ArrayData data, int start, int count)
    {
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        if (validity.IsEmpty) return false;
        for (int i = 0; i < count; i++)
            if (!ArrowSpans.IsValid(validity, data.Offset + start + i)) return true;
        return false;
    }
}
