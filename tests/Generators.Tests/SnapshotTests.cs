using Ingest.Generators.Tests.Infrastructure;

namespace Ingest.Generators.Tests;

/// <summary>
/// The generated extractor for one entity per attribute family, against checked-in baselines in <c>Snapshots/</c>.
/// Each test also compiles the generated code with its input and requires it to be free of warnings.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void NamingAliasesAndColumns() => Verify(nameof(NamingAliasesAndColumns), """
        namespace Shop.Dealers;

        // JSON names are snake_case here and column names camelCase; Alias and Column override each one.
        [Entity("dealers", Records = "result.dealers", Key = [nameof(DealerCode)],
            JsonNaming = NamingConvention.SnakeCase, ColumnNaming = NamingConvention.CamelCase)]
        public sealed partial class Dealer
        {
            public string? DealerCode { get; init; }

            public string? DealerName { get; init; }

            [Alias("zip")]
            public string? PostalCode { get; init; }

            [Column("dealer_url")]
            public string? WebsiteURL { get; init; }

            [Alias("lat"), Column("latitude")]
            public double? Lat { get; init; }

            public int? Zip5Count { get; init; }
        }
        """);

    [Fact]
    public void NestedPaths() => Verify(nameof(NestedPaths), """
        namespace Shop.Inventory;

        [Entity("prices", Records = "result.data.vehicles", Key = [nameof(Vin)])]
        public sealed partial class Price
        {
            public string? Vin { get; init; }

            [Path("price.msrp")]
            public decimal? Msrp { get; init; }

            [Path("price.netPrice")]
            public double? NetPrice { get; init; }

            // Two levels down, beside a sibling object.
            [Path("dealer.address.zip")]
            public string? DealerZip { get; init; }

            [Path("dealer.name")]
            public string? DealerName { get; init; }

            // One JSON value read into two columns.
            [Path("vin")]
            public string? VinAgain { get; init; }

            // A field read whole as text when it is a scalar, and walked into when it is an object.
            [Path("dealer")]
            public string? DealerText { get; init; }
        }
        """);

    [Fact]
    public void ListSelection() => Verify(nameof(ListSelection), """
        namespace Shop.Inventory;

        [Entity("features", Records = "result.data.vehicles", Key = [nameof(Vin)])]
        public sealed partial class Features
        {
            public string? Vin { get; init; }

            [Path("attributes.attributes[typeDesc=Drive].value")]
            public string? Drive { get; init; }

            [Path("attributes.attributes[typeDesc=Engine].value")]
            public string? Engine { get; init; }

            [Path("specs.attributes[name=Seats].value")]
            public int? Seats { get; init; }

            [Path("specs.attributes[code=WB].amount"), Coerce<FormattedNumber>]
            public double? Wheelbase { get; init; }
        }
        """);

    [Fact]
    public void ListProjection() => Verify(nameof(ListProjection), """
        namespace Shop.Inventory;

        [Entity("offers", Records = "result.data.vehicles", Key = [nameof(Vin)])]
        public sealed partial class Offers
        {
            public string? Vin { get; init; }

            [Path("incentives[*].programId")]
            public string[]? ProgramIds { get; init; }

            [Path("incentives[*].amount"), Coerce<FormattedNumber>]
            public decimal[]? Amounts { get; init; }

            [Path("incentives[name=Loyalty].amount"), Coerce<FormattedNumber>]
            public decimal? LoyaltyAmount { get; init; }

            [Path("dealer.addresses[*].zip")]
            public List<int>? DealerZips { get; init; }
        }
        """);

    [Fact]
    public void Coercions() => Verify(nameof(Coercions), """
        namespace Shop.Inventory;

        // A user's own coercer: the generated code calls its static method directly.
        public sealed class Thousands : ICoercer<long>
        {
            public static CoercionResult Coerce(JsonScalar value, out long result)
            {
                CoercionResult outcome = FormattedNumber.Coerce(value, out long units);
                result = units * 1000;
                return outcome;
            }
        }

        [Entity("coerced", Records = "vehicles")]
        public sealed partial class Coerced
        {
            [Coerce<FormattedNumber>]
            public int? Horsepower { get; init; }

            [Coerce<Thousands>]
            public long? Range { get; init; }

            [Coerce<FormattedNumber>]
            public double? Mpg { get; init; }

            [Coerce<FormattedNumber>]
            public decimal? Msrp { get; init; }

            [Coerce<Flag>]
            public bool? InTransit { get; init; }

            [Coerce<FlexibleDate>]
            public DateOnly? ArrivalDate { get; init; }

            [Coerce<FlexibleDate>]
            public DateTimeOffset? UpdatedAt { get; init; }

            // String coercers chain in declaration order.
            [Coerce<Trim>, Coerce<Upper>, Coerce<EmptyToNull>]
            public string? VehicleDesc { get; init; }

            [Coerce<Lower>]
            public string? Color { get; init; }

            [Coerce<FormattedNumber>]
            public List<double>? Payments { get; init; }

            [Coerce<Trim>]
            public string[]? Options { get; init; }
        }
        """);

    [Fact]
    public void Defaults() => Verify(nameof(Defaults), """
        namespace Shop.Inventory;

        [Entity("defaults", Records = "vehicles")]
        public sealed partial class Defaulted
        {
            [Default("N/A")]
            public string? Status { get; init; }

            [Default("unknown"), Coerce<Trim>, Coerce<EmptyToNull>]
            public string? Trim { get; init; }

            [Default(4)]
            public int? Doors { get; init; }

            [Default(0)]
            public long? Mileage { get; init; }

            [Default(1.5)]
            public double? Ratio { get; init; }

            [Default("0.00")]
            public decimal? Discount { get; init; }

            [Default(false), Coerce<Flag>]
            public bool? Certified { get; init; }

            [Default("2025-01-31")]
            public DateOnly? ArrivalDate { get; init; }

            [Default("2025-01-31T08:00:00Z")]
            public DateTimeOffset? UpdatedAt { get; init; }
        }
        """);

    [Fact]
    public void Transforms() => Verify(nameof(Transforms), """
        using Apache.Arrow;
        using Ingest.Columns;

        namespace Shop.Inventory;

        // A user's own transform over a non-string column.
        public sealed class TimesTen : ITransform<Int32Array, Int64ColumnBuffer>
        {
            public static void Apply(Int32Array input, string? argument, Int64ColumnBuffer output)
            {
                for (int row = 0; row < input.Length; row++)
                {
                    if (input.GetValue(row) is int value) output.Append(value * 10L);
                    else output.AppendNull();
                }
            }
        }

        [Entity("computed", Records = "vehicles")]
        public sealed partial class Computed
        {
            public string? Ccode { get; init; }

            public string? DealerZipCode { get; init; }

            public string? ExtImage { get; init; }

            public string? Model { get; init; }

            public int? Seats { get; init; }

            [Transform<Substring>(nameof(Ccode), "0,9")]
            public string? ModelYearCode { get; init; }

            [Transform<Zip5>(nameof(DealerZipCode))]
            public string? DealerZip5 { get; init; }

            [Transform<UrlTemplate>(nameof(ExtImage), "https://www.jeep.com/mediaserver/iris?{0}&pov=fronthero")]
            public string? ExteriorImageUrl { get; init; }

            [Transform<StripPrefix>(nameof(Model), "Jeep ")]
            public string? ModelName { get; init; }

            [Transform<TimesTen>(nameof(Seats))]
            public long? SeatsTimesTen { get; init; }
        }
        """);

    [Fact]
    public void ColumnTypes() => Verify(nameof(ColumnTypes), """
        using System.Collections.Immutable;

        namespace Shop.Inventory;

        [Entity("typed", Records = "$")]
        public sealed partial class Typed
        {
            public string? Text { get; init; }

            public int Count { get; init; }

            public int? MaybeCount { get; init; }

            public long Big { get; init; }

            public double Ratio { get; init; }

            public decimal? Money { get; init; }

            [Decimal(38, 10)]
            public decimal? Precise { get; init; }

            public bool Flag { get; init; }

            public DateOnly? Day { get; init; }

            public DateTimeOffset? At { get; init; }

            public string[]? Tags { get; init; }

            public List<int>? Counts { get; init; }

            public IReadOnlyList<long>? Bigs { get; init; }

            public double[]? Ratios { get; init; }

            [Decimal(12, 3)]
            public ImmutableArray<decimal> Amounts { get; init; }

            public bool[]? Flags { get; init; }

            public List<DateOnly>? Days { get; init; }

            public IReadOnlyList<DateTimeOffset>? Stamps { get; init; }
        }
        """);

    [Fact]
    public void StructColumns() => Verify(nameof(StructColumns), """
        namespace Shop.Dealers;

        [Entity("dealers", Records = "dealer", Key = [nameof(Code)])]
        public sealed partial class Dealer
        {
            public string? Code { get; init; }

            // A nested record at a path; its fields' paths are relative to that object.
            [Path("departments.sales.hours.monday")]
            public DayHours? MondayHours { get; init; }

            [Alias("address"), Column("location")]
            public Address? Address { get; init; }

            // A list of objects: a struct from every element, its fields' paths relative to the element.
            public List<Phone>? Phones { get; init; }
        }

        [NestedRecord]
        public sealed class Phone
        {
            public string? Kind { get; init; }

            [Path("number.digits"), Coerce<Trim>]
            public string? Number { get; init; }

            [Default(1)]
            public int? Priority { get; init; }
        }

        [NestedRecord]
        public sealed class DayHours
        {
            [Coerce<Flag>]
            public bool? Closed { get; init; }

            [Path("open.time"), Coerce<Trim>, Coerce<EmptyToNull>]
            public string? OpenTime { get; init; }

            [Path("open.ampm"), Default("AM")]
            public string? OpenAmPm { get; init; }
        }

        [NestedRecord]
        public sealed class Address
        {
            public string? Street { get; init; }

            [Alias("zip"), Column("postal_code")]
            public string? ZipCode { get; init; }

            public double? Latitude { get; init; }

            public string[]? Lines { get; init; }
        }
        """);

    private static void Verify(string name, string source, [System.Runtime.CompilerServices.CallerFilePath] string testFile = "")
    {
        GeneratorOutput output = GeneratorHarness.Generate(source);
        string generated = output.SingleSource();
        Assert.True(output.CompilationProblems().Count == 0,
            "The generated code does not compile cleanly with its input:\n" + string.Join("\n", output.CompilationProblems()));
        Snapshot.Verify(name, generated, testFile);
    }
}
