using Ingest.Generators.Helpers;

namespace Ingest.Generators.Model;

/// <summary>One column of an entity: where its value comes from and how it becomes the column's type.</summary>
/// <param name="Property">The C# property it was declared as.</param>
/// <param name="Column">The column name.</param>
/// <param name="Path">The JSON location from the record; empty for a computed column.</param>
/// <param name="Coercers"><c>global::</c> names of the coercers, in order; empty for the default (Plain).</param>
/// <param name="DefaultLiteral">A C# expression for the default value, or null.</param>
/// <param name="Transform">The transform of a computed column, or null.</param>
/// <param name="Fields">The fields of a <see cref="ColumnKind.Struct"/> or <see cref="ColumnKind.StructList"/> column, with paths relative to its object (an element's, for a list); empty otherwise.</param>
/// <param name="ElementOf">
/// Set by the emitter only, on a list of structs' field flattened into a column of its own: the list's property, whose
/// elements the field is read from (one item per element, not one value per record).
/// </param>
internal sealed record ColumnSpec(
    string Property,
    string Column,
    ColumnKind Kind,
    int Precision,
    int Scale,
    EquatableArray<PathSegment> Path,
    EquatableArray<string> Coercers,
    string? DefaultLiteral,
    TransformSpec? Transform,
    EquatableArray<ColumnSpec> Fields = default,
    string? ElementOf = null)
{
    public bool IsComputed => Transform is not null;
}

/// <summary>A computed column's transform: its type, the input column's property and the constant argument.</summary>
internal sealed record TransformSpec(string Type, string InputProperty, string? Argument);

/// <summary>
/// One step of a JSON path: a property name; or a name whose value is an array of objects from which the element
/// with <see cref="SelectorKey"/> equal to <see cref="SelectorValue"/> is taken (<c>name[key=value]</c>); or, with
/// <see cref="SelectorKey"/> <see cref="Every"/> and no value, an array of objects every element of which gives one
/// item of a list column (<c>name[*]</c>).
/// </summary>
internal sealed record PathSegment(string Name, string? SelectorKey, string? SelectorValue)
{
    /// <summary>The selector key of a projection, <c>name[*]</c>.</summary>
    public const string Every = "*";

    public bool IsSelection => SelectorKey is not null && !IsProjection;

    public bool IsProjection => SelectorKey == Every && SelectorValue is null;

    public override string ToString() => IsProjection ? $"{Name}[*]" : IsSelection ? $"{Name}[{SelectorKey}={SelectorValue}]" : Name;
}
