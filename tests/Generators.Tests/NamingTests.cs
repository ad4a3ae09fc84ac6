using Ingest.Generators.Helpers;

namespace Ingest.Generators.Tests;

/// <summary>The naming conventions that turn property names into JSON and column names.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("DealerZipCode", "dealer_zip_code")]
    [InlineData("Vin", "vin")]
    [InlineData("VIN", "vin")]
    [InlineData("VINCode", "vin_code")]
    [InlineData("ExtImageURL", "ext_image_url")]
    [InlineData("HTTPServerName", "http_server_name")]
    [InlineData("Zip5", "zip5")]
    [InlineData("Zip5Code", "zip5_code")]
    [InlineData("ModelYear2025Code", "model_year2025_code")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("X", "x")]
    [InlineData("", "")]
    public void ToSnakeCase(string property, string expected) => Assert.Equal(expected, Naming.ToSnakeCase(property));

    [Theory]
    [InlineData("DealerZipCode", "dealerZipCode")]
    [InlineData("Vin", "vin")]
    [InlineData("VIN", "vin")]
    [InlineData("VINCode", "vinCode")]
    [InlineData("ExtImageURL", "extImageURL")]
    [InlineData("IOStream", "ioStream")]
    [InlineData("Zip5", "zip5")]
    [InlineData("MPG2City", "mpg2City")]
    [InlineData("alreadyCamel", "alreadyCamel")]
    [InlineData("X", "x")]
    [InlineData("", "")]
    public void ToCamelCase(string property, string expected) => Assert.Equal(expected, Naming.ToCamelCase(property));

    [Theory]
    [InlineData(Naming.CamelCase, "dealerZipCode")]
    [InlineData(Naming.SnakeCase, "dealer_zip_code")]
    [InlineData(Naming.PascalCase, "DealerZipCode")]
    [InlineData(Naming.LowerCase, "dealerzipcode")]
    public void Apply_FollowsTheConvention(int convention, string expected) => Assert.Equal(expected, Naming.Apply("DealerZipCode", convention));

    [Fact]
    public void Constants_MatchTheRuntimeEnum()
    {
        Assert.Equal((int)NamingConvention.CamelCase, Naming.CamelCase);
        Assert.Equal((int)NamingConvention.SnakeCase, Naming.SnakeCase);
        Assert.Equal((int)NamingConvention.PascalCase, Naming.PascalCase);
        Assert.Equal((int)NamingConvention.LowerCase, Naming.LowerCase);
    }
}
