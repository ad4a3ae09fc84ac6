namespace Ingest;

/// <summary>
/// Turns a raw JSON scalar into a <typeparamref name="T"/>. Implement <see cref="Coerce"/> as a public static
/// method: the generated extractor calls it directly for every value, so keep it allocation-free.
/// One type may implement the interface for several <typeparamref name="T"/> (int, long, double, decimal).
/// </summary>
public interface ICoercer<T>
{
    static abstract CoercionResult Coerce(JsonScalar value, out T result);
}
