using Ingest.Generators.Helpers;
using Ingest.Generators.Model;

namespace Ingest.Generators.Tests;

/// <summary>What <c>[Path]</c> accepts: dotted names, and one name/value selection followed by exactly one field.</summary>
public sealed class PathParserTests
{
    [Theory]
    [InlineData("msrp", "msrp")]
    [InlineData("price.msrp", "price|msrp")]
    [InlineData("mackevisionData.consumerFamily.code", "mackevisionData|consumerFamily|code")]
    [InlineData("attributes.attributes[typeDesc=Drive].value", "attributes|attributes[typeDesc=Drive]|value")]
    [InlineData("specs[name=Seats].value", "specs[name=Seats]|value")]
    [InlineData("specs[ name =Fuel Economy].value", "specs[name=Fuel Economy]|value")]
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
    [InlineData("specs[name].value", "'specs[name]' should read name[key=value]")]
    [InlineData("[name=Seats].value", "'[name=Seats]' should read name[key=value]")]
    [InlineData("specs[name=Seats]x.value", "'specs[name=Seats]x' should read name[key=value]")]
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
