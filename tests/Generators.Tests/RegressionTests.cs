using Ingest.Generators.Tests.Infrastructure;

namespace Ingest.Generators.Tests;

/// <summary>Declarations that once generated code that did not compile, named by what broke.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void PropertyNamedRecord_ReaderDoesNotCollideWithReadRecord() => AssertCompiles("""
        public string? Record { get; init; }

        [Path("price.msrp")]
        public string? Msrp { get; init; }

        // Its reader once read "ReadObject_price", the name of the method that walks the 'price' object.
        public string? Object_price { get; init; }
        """);

    [Fact]
    public void ObjectPathsThatSanitizeAlike_GetDistinctMethods() => AssertCompiles("""
        [Path("dealer_info.zip")]
        public string? Zip { get; init; }

        [Path("dealer.info.city")]
        public string? City { get; init; }

        [Path("option-codes[kind=paint].code")]
        public string? Paint { get; init; }

        [Path("option_codes[kind=trim].code")]
        public string? Trim { get; init; }
        """);

    private static void AssertCompiles(string members)
    {
        GeneratorOutput output = GeneratorHarness.Generate($$"""
            namespace Shop;

            [Entity("cars", Records = "vehicles")]
            public sealed partial class Car
            {
            {{members}}
            }
            """);

        output.SingleSource();
        Assert.True(output.CompilationProblems().Count == 0, string.Join("\n", output.CompilationProblems()));
    }
}
