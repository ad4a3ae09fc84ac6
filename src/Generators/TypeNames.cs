namespace Ingest.Generators;

/// <summary>Metadata names of the runtime types the generator looks for.</summary>
internal static class TypeNames
{
    public const string EntityAttribute = "Ingest.EntityAttribute";
    public const string AliasAttribute = "Ingest.AliasAttribute";
    public const string PathAttribute = "Ingest.PathAttribute";
    public const string ColumnAttribute = "Ingest.ColumnAttribute";
    public const string CoerceAttribute = "Ingest.CoerceAttribute`1";
    public const string TransformAttribute = "Ingest.TransformAttribute`1";
    public const string DefaultAttribute = "Ingest.DefaultAttribute";
    public const string DecimalAttribute = "Ingest.DecimalAttribute";
    public const string NestedRecordAttribute = "Ingest.NestedRecordAttribute";
    public const string CoercerInterface = "Ingest.ICoercer`1";
    public const string StringCoercerInterface = "Ingest.IStringCoercer";
    public const string TransformInterface = "Ingest.ITransform`2";
}
