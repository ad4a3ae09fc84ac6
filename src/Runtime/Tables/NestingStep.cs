using Parquet.Schema;

namespace Ingest.Tables;

/// <summary>
/// A list or a struct on the way from a column to one of its Parquet leaves, with the levels it writes (Dremel),
/// read from Parquet.Net's schema, where every list and struct is an optional group. A struct:
/// present <see cref="Parquet.Schema.Field.MaxDefinitionLevel"/> of its group (its fields carry on from there), null one less. A
/// list (optional group, repeated group, element): a present element makes the list's level
/// (<see cref="Parquet.Schema.Field.MaxDefinitionLevel"/> of the <see cref="ListField"/>, that of its repeated group) and the
/// element's own, an empty list one less, a null list two less; its elements after the first repeat at
/// <see cref="Parquet.Schema.Field.MaxRepetitionLevel"/>.
/// </summary>
/// <param name="IsList">A list (else a struct).</param>
/// <param name="Field">For a struct, which of its fields the leaf is under.</param>
/// <param name="NullDefinition">The level of a null list or struct; −1 when the group is required.</param>
/// <param name="EmptyDefinition">The level of an empty list.</param>
/// <param name="Repetition">The repetition level of a list's elements after its first.</param>
internal readonly record struct NestingStep(bool IsList, int Field, int NullDefinition, int EmptyDefinition, int Repetition)
{
    public static NestingStep List(ListField list) => new(
        IsList: true, Field: 0,
        NullDefinition: list.IsNullable ? list.MaxDefinitionLevel - 2 : -1,
        EmptyDefinition: list.MaxDefinitionLevel - 1,
        Repetition: list.MaxRepetitionLevel);

    public static NestingStep Struct(StructField structField, int field) => new(
        IsList: false, Field: field,
        NullDefinition: structField.IsNullable ? structField.MaxDefinitionLevel - 1 : -1,
        EmptyDefinition: -1,
        Repetition: structField.MaxRepetitionLevel);
}
