namespace Ingest;

/// <summary>
/// A computed column: <typeparamref name="TTransform"/> (an <see cref="ITransform{TInput, TOutput}"/>) runs once
/// per batch over the whole Arrow column of <paramref name="input"/> (a property of this entity, use
/// <c>nameof</c>) and fills this property's column.
/// </summary>
/// <param name="input">The property whose column is the transform's input.</param>
/// <param name="argument">An optional constant handed to the transform (a URL template, a prefix, a range).</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class TransformAttribute<TTransform>(string input, string? argument = null) : Attribute
{
    public string Input { get; } = input;
    public string? Argument { get; } = argument;
}
