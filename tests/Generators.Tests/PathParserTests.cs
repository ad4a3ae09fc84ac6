using Ingest.Generators.Helpers;
using Ingest.Generators.Model;

namespace Ingest.Generators.Tests;

/// <summary>What <c>[Path]</c> accepts: dotted names, and one name/value selection or one <c>[*]</c> projection followed by exactly one field.</summary>
public sealed class PathParserTests
{
    [Theory]
    [InlineData("msrp", "msrp")]
    [InlineData("price.msrp", "price|msrp")]
    [InlineData("mackevisionData.consumerFamily.code", "mackevisionData|consumerFamily|code")]
    [InlineData("attributes.attributes[typeDesc=Drive].value", "attributes|attributes[typeDesc=Drive]|value")]
    [InlineData("specs[name=Seats].value", "specs[name=Seats]|value")]
    [InlineData("specs[ name =Fuel Economy].value", "specs[name=Fuel Economy]|value")]
    [InlineData("incentives[*].amount", "incentives[*]|amount")]
    [InlineData("dealer.addresses[*].zip", "dealer|addresses[*]|zip")]
    public void Accepts(string path, string expectedSegments)
    {
        Assert.True(EntityGenerator.Parser.TryParsePath(path, out EquatableArray<PathSegment> segments, out string? error), error);
        Assert.Null(error);
        Assert.Equal(expectedSegments, string.Join("|", segments.Select(static s => s.ToString())));
    }

    [Fact]
    public void Accepts_ASelectionAsKeyValueAndField()
    {
        Assert.True(EntityGenerator.Parser.TryParsePath("attributes[typeDesc=Drive].value", out EquatableArray<PathSegment> segments, out _));

        Assert.Equal([new PathSegment("attributes", "typeDesc", "Drive"), new PathSegment("value", null, null)], segments);
        Assert.True(segments[0].IsSelection);
        Assert.False(segments[0].IsProjection);
    }

    [Fact]
    public void Accepts_AProjectionAsEveryElementAndField()
    {
        Assert.True(EntityGenerator.Parser.TryParsePath("incentives[*].amount", out EquatableArray<PathSegment> segments, out _));

        Assert.Equal([new PathSegment("incentives", PathSegment.Every, null), new PathSegment("amount", null, null)], segments);
        Assert.True(segments[0].IsProjection);
        Assert.False(segments[0].IsSelection);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("price..msrp", "it has an empty name between dots")]
    [InlineData(".msrp", "it has an empty name between dots")]
    [InlineData("price.", "it has an empty name between dots")]
    [InlineData("specs[name=Seats.value", "a '[' is not closed")]
    [InlineData("specs]name=Seats[.value", "its brackets do not pair")]
    [InlineData("specs[a[b]=c].value", "its brackets do not pair")]
    [InlineData("specs[name].value", "'specs[name]' should read name[key=value] or name[*]")]
    [InlineData("[name=Seats].value", "'[name=Seats]' should read name[key=value] or name[*]")]
    [InlineData("specs[name=Seats]x.value", "'specs[name=Seats]x' should read name[key=value] or name[*]")]
    [InlineData("[*].value", "'[*]' should read name[key=value] or name[*]")]
    [InlineData("incentives[*]", "a projection such as 'incentives[*]' must be followed by exactly one field name, the value to take from each element")]
    [InlineData("incentives[*].amount.value", "a projection such as 'incentives[*]' must be followed by exactly one field name, the value to take from each element")]
    [InlineData("specs[=Seats].value", "'specs[=Seats]' needs both a key and a value in its brackets")]
    [InlineData("specs[name=].value", "'specs[name=]' needs both a key and a value in its brackets")]
    [InlineData("specs[name=Seats]", "a selection such as 'specs[name=Seats]' must be followed by exactly one field name, the value to take")]
    [InlineData("specs[name=Seats].value.amount", "a selection such as 'specs[name=Seats]' must be followed by exactly one field name, the value to take")]
    [InlineData("a[k=v].b[k=v].c", "a selection such as 'a[k=v]' must be followed by exactly one field name, the value to take")]
    public void Rejects(string path, string expectedError)
    {
        Assert.False(EntityGenerator.Parser.TryParsePath(path, out EquatableArray<PathSegment> segments, out string? error));
        Assert.Equal(expectedError, error);
        Assert.True(segments.IsEmpty);
    }
}
