namespace Ingest;

/// <summary>
/// Says how the raw JSON value becomes the property's type. <typeparamref name="TCoercer"/> implements
/// <see cref="ICoercer{T}"/> for the property type, or <see cref="IStringCoercer"/> for strings, where several
/// coercers apply in declaration order (<c>[Coerce&lt;Trim&gt;, Coerce&lt;Upper&gt;]</c>).
/// The generated extractor calls the coercer's static method directly: no reflection, no virtual call.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = true)]
public sealed class CoerceAttribute<TCoercer> : Attribute;
