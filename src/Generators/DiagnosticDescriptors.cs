using Microsoft.CodeAnalysis;

namespace Ingest.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are never reused; each has a page under docs/diagnostics and a line
/// in AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Ingest";
    private const string HelpBase = "https://github.com/ingest-dev/ingest/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpBase + id + ".md");

    public static readonly DiagnosticDescriptor EntityMustBePartial = Error(
        "ING001",
        "Entity must be partial",
        "Entity '{0}' must be declared partial so the generator can add its schema and extractor: write 'partial class {0}'",
        "The generator adds members to the entity class, which C# allows only for partial classes.");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "ING002",
        "Unsupported property type",
        "Property '{0}' has type '{1}', which has no column type; use string, int, long, double, decimal, bool, DateOnly, DateTimeOffset a list (T[], List<T>, IReadOnlyList<T>) of one of those, or a class marked [NestedRecord] (a struct column) or a list of one",
        "Each property becomes an Arrow column, so its type must map to one.");

    public static readonly DiagnosticDescriptor CoercerDoesNotFit = Error(
        "ING003",
        "Coercer does not fit the property",
        "Coercer '{0}' cannot produce property '{1}' of type '{2}': {3}",
        "A coercer must implement ICoercer<T> for the property's type (or its list item type), or IStringCoercer for a string; a non-string property takes one coercer.");

    public static readonly DiagnosticDescriptor TransformDoesNotFit = Error(
        "ING004",
        "Transform does not fit the property",
        "Transform '{0}' cannot compute property '{1}': it must implement ITransform<{2}, {3}> (input column '{4}' is read as {2}, the property is built in {3})",
        "A transform reads its input column as an Arrow array and writes the property's column buffer; both types must match the declaration.");

    public static readonly DiagnosticDescriptor InvalidPath = Error(
        "ING005",
        "Empty or malformed path",
        "Path '{0}' on '{1}' is not valid: {2}; write dotted JSON names such as 'price.msrp', or 'list[key=value].field' to select from a name/value list",
        "Paths are dotted JSON names; a selection [key=value] must be followed by exactly one field name.");

    public static readonly DiagnosticDescriptor DuplicateColumn = Error(
        "ING006",
        "Two properties map to one column",
        "Properties '{0}' and '{1}' both map to column '{2}'; give one of them a different name with [Column(\"...\")]",
        "Column names are unique within a table.");

    public static readonly DiagnosticDescriptor TransformInputNotAColumn = Error(
        "ING007",
        "Transform input is not a column",
        "The input '{0}' of the transform on '{1}' is not an extracted column of '{2}'; name a property read from JSON, e.g. nameof({3})",
        "Transforms run over extracted columns; their input must be a property of the same entity that is not itself computed.");

    public static readonly DiagnosticDescriptor KeyIsNotAProperty = Error(
        "ING008",
        "Key is not a property",
        "Key '{0}' of entity '{1}' is not a property of it; list property names in Key, e.g. Key = [nameof(Vin)]",
        "The key names the columns that identify a record; each must be a property of the entity.");

    public static readonly DiagnosticDescriptor MissingRecordsPath = Error(
        "ING009",
        "No records path",
        "Entity '{0}' does not say where its records sit in a page; set Records on [Entity], e.g. Records = \"result.data.vehicles\" (or \"$\" when the page is an array)",
        "The extractor needs the path of the array that holds the records.");

    public static readonly DiagnosticDescriptor DefaultDoesNotFit = Error(
        "ING010",
        "Default does not fit the property",
        "Default {0} of property '{1}' cannot be a value of type '{2}'; {3}",
        "A default must be a constant of the property's type; dates take an ISO string such as \"2025-01-31\"; lists take no default.");

    public static readonly DiagnosticDescriptor EntityMustBeTopLevel = Error(
        "ING011",
        "Entity must be a top-level, non-generic class",
        "Entity '{0}' must be a non-generic class declared directly in a namespace; move it out of '{1}'",
        "The generated extractor is emitted as a partial of a top-level class.");

    public static readonly DiagnosticDescriptor InvalidDecimal = Error(
        "ING012",
        "Invalid decimal precision or scale",
        "[Decimal({0}, {1})] on '{2}' is not a decimal128 shape; precision must be 1 to 38 and scale 0 to the precision",
        "Decimal columns are Arrow decimal128, which holds up to 38 digits.");

    public static readonly DiagnosticDescriptor EntityMustBeClass = Error(
        "ING013",
        "Entity must be a class, not a record",
        "Entity '{0}' is a record; declare it as 'partial class {0}' with init-only properties",
        "The generator emits the entity's schema and extractor into a partial class; a record's synthesized members (equality, printing, Deconstruct) have no columns to map.");

    public static readonly DiagnosticDescriptor MemberNameIsGenerated = Error(
        "ING014",
        "Property name is taken by a generated member",
        "Property '{0}' has the name of a member the generator adds to the entity ({1}); rename the property and keep its JSON name with [Alias(\"{2}\")]",
        "The generator adds Descriptor, ArrowSchema, CreateExtractor and Extractor to every entity.");

    public static readonly DiagnosticDescriptor InvalidNestedRecordField = Error(
        "ING015",
        "Invalid field of a nested record",
        "Nested record '{0}' {1}",
        "A [NestedRecord] class holds scalar and list fields read from its object; a computed column or another nested record belongs on the entity.");

    public static readonly DiagnosticDescriptor KeyMustBeScalar = Error(
        "ING016",
        "Key column must be a scalar",
        "Key '{0}' of entity '{1}' is a {2} column; a key identifies a record by scalar values, so key on one of its scalar properties",
        "Conflicts and consolidation compare keys value by value; a list or struct has no single value to compare.");
}
