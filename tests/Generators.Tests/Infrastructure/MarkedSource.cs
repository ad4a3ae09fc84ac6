using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace Ingest.Generators.Tests.Infrastructure;

/// <summary>
/// Test source with the expected diagnostics marked in place: <c>{|ING001:Vehicle|}</c> says ING001 is reported on
/// exactly the text <c>Vehicle</c>. <see cref="Source"/> is the text with the markers removed.
/// </summary>
internal sealed partial class MarkedSource
{
    private MarkedSource(string source, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Source = source;
        Expected = expected;
    }

    public string Source { get; }

    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public static MarkedSource Parse(string marked)
    {
        var source = new StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        int last = 0;
        foreach (Match match in Marker().Matches(marked))
        {
            source.Append(marked, last, match.Index - last);
            string text = match.Groups["text"].Value;
            expected.Add(new ExpectedDiagnostic(match.Groups["id"].Value, new TextSpan(source.Length, text.Length), text));
            source.Append(text);
            last = match.Index + match.Length;
        }
        source.Append(marked, last, marked.Length - last);
        return new MarkedSource(source.ToString(), expected);
    }

    [GeneratedRegex(@"\{\|(?<id>ING\d{3}):(?<text>.*?)\|\}", RegexOptions.Singleline)]
    private static partial Regex Marker();
}

/// <summary>A diagnostic a test expects: its id and the span (and text) it points at.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span, string Text)
{
    public override string ToString() => $"{Id} at {Span} '{Text}'";
}
