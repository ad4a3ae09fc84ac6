namespace Ingest.Sources;

/// <summary>
/// One independently paginated part of a source: a Stellantis model-year code (<c>IUJ202510</c>), a Mercedes
/// condition (<c>new</c>, <c>used</c>). Its name replaces <c>{subResource}</c> in <see cref="PagedSourceOptions.RequestPath"/>
/// and is the raw tier's <c>sub_resource</c>.
/// </summary>
public readonly record struct SubResource(string Name)
{
    public static implicit operator SubResource(string name) => new(name);

    public override string ToString() => Name;
}
