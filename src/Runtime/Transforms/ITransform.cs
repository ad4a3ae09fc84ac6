using Apache.Arrow;
using Ingest.Columns;

namespace Ingest;

/// <summary>
/// Computes a column from another over a whole batch, after extraction: <paramref name="input"/> is the finished
/// Arrow array; append exactly one value or null per input row to <paramref name="output"/>.
/// Implement <see cref="Apply"/> as a public static method; the generated code calls it directly.
/// </summary>
/// <typeparam name="TInput">The input column's Arrow array type (<see cref="StringArray"/>, <see cref="Int32Array"/>…).</typeparam>
/// <typeparam name="TOutput">The output column's buffer type (<see cref="StringColumnBuffer"/>…).</typeparam>
public interface ITransform<TInput, TOutput>
    where TInput : IArrowArray
    where TOutput : ColumnBuffer
{
    static abstract void Apply(TInput input, string? argument, TOutput output);
}
