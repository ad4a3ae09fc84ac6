using System.Globalization;
using Ingest.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Ingest.Generators.Tests;

/// <summary>
/// One test per diagnostic id. The expected diagnostics are marked in the source (<c>{|ING001:Car|}</c>): each test
/// asserts exactly those ids on exactly those spans, a message that names what to change, and that no source is
/// generated for the unsound entity.
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void ING001_EntityMustBePartial() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed class {|ING001:Car|}
        {
            public string? Vin { get; init; }
        }
        """, "write 'partial class Car'");

    [Fact]
    public void ING002_UnsupportedPropertyType() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            public Guid {|ING002:Id|} { get; init; }

            public Guid[]? {|ING002:Owners|} { get; init; }
        }
        """, "Property 'Id' has type 'System.Guid'");

    [Fact]
    public void ING003_CoercerDoesNotFit() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [{|ING003:Coerce<Flag>|}]
            public int? Doors { get; init; }

            [{|ING003:Coerce<FormattedNumber>|}]
            public string? Price { get; init; }
        }
        """, "it does not implement ICoercer<int>");

    [Fact]
    public void ING004_TransformDoesNotFit() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public int? Seats { get; init; }

            [Transform<Zip5>(nameof(Seats))]
            public string? {|ING004:SeatsZip|} { get; init; }
        }
        """, "it must implement ITransform<Int32Array, StringColumnBuffer>");

    [Fact]
    public void ING005_InvalidPath() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [Path("price..msrp")]
            public decimal? {|ING005:Msrp|} { get; init; }
        }

        [{|ING005:Entity("dealers", Records = "result.dealers[id=1].list")|}]
        public sealed partial class Dealer
        {
            public string? Code { get; init; }
        }
        """, "Path 'price..msrp' on 'Msrp' is not valid: it has an empty name between dots");

    [Fact]
    public void ING005_InvalidPath_for_a_projection() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [Path("incentives[*].amount")]
            public decimal? {|ING005:Incentive|} { get; init; }

            [Path("incentives[*]")]
            public string[]? {|ING005:Incentives|} { get; init; }
        }
        """, "Path 'incentives[*].amount' on 'Incentive' is not valid: a [*] projection takes one value from every element, so the property must be a list");

    [Fact]
    public void ING006_DuplicateColumn() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? DealerZip { get; init; }

            [Column("dealer_zip")]
            public string? {|ING006:Zip|} { get; init; }
        }
        """, "Properties 'DealerZip' and 'Zip' both map to column 'dealer_zip'");

    [Fact]
    public void ING007_TransformInputNotAColumn() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            [Transform<Zip5>("DealerZipCode")]
            public string? {|ING007:DealerZip5|} { get; init; }

            // A computed column is not an input either.
            [Transform<Substring>(nameof(DealerZip5), "0,3")]
            public string? {|ING007:ZipPrefix|} { get; init; }
        }
        """, "The input 'DealerZipCode' of the transform on 'DealerZip5' is not an extracted column of 'Car'; name a property read from JSON, e.g. nameof(Vin)");

    [Fact]
    public void ING008_KeyIsNotAProperty() => Verify("""
        [{|ING008:Entity("cars", Records = "vehicles", Key = ["VIN"])|}]
        public sealed partial class Car
        {
            public string? Vin { get; init; }
        }
        """, "Key 'VIN' of entity 'Car' is not a property of it");

    [Fact]
    public void ING009_MissingRecordsPath() => Verify("""
        [{|ING009:Entity("cars")|}]
        public sealed partial class Car
        {
            public string? Vin { get; init; }
        }
        """, "set Records on [Entity]");

    [Fact]
    public void ING010_DefaultDoesNotFit() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [{|ING010:Default("four")|}]
            public int? Doors { get; init; }

            [{|ING010:Default("31/01/2025")|}]
            public DateOnly? ArrivalDate { get; init; }

            [{|ING010:Default("none")|}]
            public string[]? Options { get; init; }
        }
        """, "Default \"four\" of property 'Doors' cannot be a value of type 'int?'; give a int constant");

    [Fact]
    public void ING011_EntityMustBeTopLevel() => Verify("""
        public static partial class Catalog
        {
            [Entity("cars", Records = "vehicles")]
            public sealed partial class {|ING011:Car|}
            {
                public string? Vin { get; init; }
            }
        }

        [Entity("boxes", Records = "boxes")]
        public sealed partial class {|ING011:Box|}<T>
        {
            public string? Label { get; init; }
        }
        """, "move it out of 'Catalog'");

    [Fact]
    public void ING012_InvalidDecimal() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [{|ING012:Decimal(40, 2)|}]
            public decimal? Msrp { get; init; }

            [{|ING012:Decimal(10, 12)|}]
            public decimal? Rate { get; init; }
        }
        """, "[Decimal(40, 2)] on 'Msrp' is not a decimal128 shape");

    [Fact]
    public void ING013_EntityMustBeClass() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial record {|ING013:Car|}
        {
            public string? Vin { get; init; }
        }
        """, "Entity 'Car' is a record; declare it as 'partial class Car'");

    [Fact]
    public void ING014_MemberNameIsGenerated() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            public string? {|ING014:Descriptor|} { get; init; }

            public int? {|ING014:Extractor|} { get; init; }
        }
        """, "Property 'Descriptor' has the name of a member the generator adds to the entity (Descriptor, ArrowSchema, CreateExtractor, Extractor); rename the property and keep its JSON name with [Alias(\"descriptor\")]");

    [Fact]
    public void ING002_UnsupportedPropertyType_for_a_class_not_marked_as_a_nested_record() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            public Money? {|ING002:Price|} { get; init; }
        }

        public sealed class Money
        {
            public decimal? Msrp { get; init; }
        }
        """, "or a class marked [NestedRecord] (a struct column)");

    [Fact]
    public void ING015_InvalidNestedRecordField() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            public string? Vin { get; init; }

            public Money? Price { get; init; }

            public Empty? {|ING015:Nothing|} { get; init; }
        }

        [NestedRecord]
        public sealed class Money
        {
            public decimal? Msrp { get; init; }

            public Money? {|ING015:Previous|} { get; init; }

            [Transform<Zip5>(nameof(Msrp))]
            public string? {|ING015:Computed|} { get; init; }
        }

        [NestedRecord]
        public sealed class Empty
        {
        }
        """, "Nested record 'Empty' has no properties to store");

    [Fact]
    public void ING016_KeyMustBeScalar() => Verify("""
        [{|ING016:Entity("cars", Records = "vehicles", Key = [nameof(Price)])|}]
        public sealed partial class Car
        {
            public Money? Price { get; init; }

            public string[]? Tags { get; init; }
        }

        [NestedRecord]
        public sealed class Money
        {
            public decimal? Msrp { get; init; }
        }
        """, "Key 'Price' of entity 'Car' is a struct column; a key identifies a record by scalar values");

    [Fact]
    public void ING016_KeyMustBeScalar_for_a_list() => Verify("""
        [{|ING016:Entity("cars", Records = "vehicles", Key = [nameof(Tags)])|}]
        public sealed partial class Car
        {
            public string[]? Tags { get; init; }
        }
        """, "Key 'Tags' of entity 'Car' is a list column");

    [Fact]
    public void ING016_KeyMustBeScalar_for_a_list_of_structs() => Verify("""
        [{|ING016:Entity("cars", Records = "vehicles", Key = [nameof(Prices)])|}]
        public sealed partial class Car
        {
            public Money[]? Prices { get; init; }
        }

        [NestedRecord]
        public sealed class Money
        {
            public decimal? Msrp { get; init; }
        }
        """, "Key 'Prices' of entity 'Car' is a list column");

    [Fact]
    public void Struct_columns_take_no_coercer_default_or_selecting_path_and_their_fields_are_checked_as_columns() => Verify("""
        [Entity("cars", Records = "vehicles")]
        public sealed partial class Car
        {
            [{|ING003:Coerce<Trim>|}]
            public Money? Price { get; init; }

            [{|ING010:Default("none")|}]
            public Money? Other { get; init; }

            [Path("prices[kind=list]")]
            public Money? {|ING005:Listed|} { get; init; }

            [Path("history[*]")]
            public Money[]? {|ING005:History|} { get; init; }
        }

        [NestedRecord]
        public sealed class Money
        {
            public decimal? Msrp { get; init; }

            [Column("msrp")]
            public decimal? {|ING006:Net|} { get; init; }

            [{|ING003:Coerce<Flag>|}]
            public decimal? Tax { get; init; }
        }
        """, "a struct column takes no coercer; coerce its fields in the nested record instead");

    /// <summary>Asserts the marked diagnostics exactly, that the first one's message contains <paramref name="message"/>, and that nothing is generated.</summary>
    private static void Verify(string markedSource, string message)
    {
        MarkedSource marked = MarkedSource.Parse("namespace Shop;\n\n" + markedSource);
        GeneratorOutput output = GeneratorHarness.Generate(marked.Source);

        ExpectedDiagnostic[] actual = [.. output.GeneratorDiagnostics
            .OrderBy(static d => d.Location.SourceSpan.Start)
            .Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan, marked.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)))];
        Assert.Equal(marked.Expected, actual);
        // The generator reports locations as values (file, span, line span), so check the line span agrees with the text.
        SourceText text = SourceText.From(marked.Source);
        Assert.All(output.GeneratorDiagnostics, d =>
        {
            FileLinePositionSpan lines = d.Location.GetLineSpan();
            Assert.Equal("File0.cs", lines.Path);
            Assert.Equal(text.Lines.GetLinePositionSpan(d.Location.SourceSpan), lines.Span);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        });
        Assert.Contains(message, output.GeneratorDiagnostics.OrderBy(static d => d.Location.SourceSpan.Start).First().GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(output.Run.GeneratedSources);
    }
}
