using System.Globalization;
using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Transforms;

/// <summary>
/// A slice of the input text by character position: the argument is <c>start</c> or <c>start,length</c>
/// (<c>"0,9"</c> takes a ccode's model-year code, <c>"9,6"</c> its model code). Input shorter than the slice's
/// end gives null, so a malformed code never yields a plausible-looking fragment.
/// </summary>
public sealed class Substring : ITransform<StringArray, StringColumnBuffer>
{
    public static void Apply(StringArray input, string? argument, StringColumnBuffer output)
    {
        (int start, int? length) = ParseRange(argument);
        var rows = new Utf8Rows(input);
        for (int row = 0; row < rows.Length; row++)
        {
            if (!rows.TryGet(row, out ReadOnlySpan<byte> value))
            {
                output.AppendNull();
                continue;
            }
            // Codes are ASCII, so bytes are characters; other text goes through the slow, exact path.
            if (System.Text.Ascii.IsValid(value))
            {
                long end = length is int l ? (long)start + l : value.Length; // long: "5,2147483647" must not wrap
                if (end > value.Length || start > value.Length) output.AppendNull();
                else output.Append(value[start..(int)end]);
            }
            else
            {
                string text = System.Text.Encoding.UTF8.GetString(value);
                var info = new StringInfo(text);
                long end = length is int l ? (long)start + l : info.LengthInTextElements;
                if (end > info.LengthInTextElements || start > info.LengthInTextElements) output.AppendNull();
                else output.Append(System.Text.Encoding.UTF8.GetBytes(info.SubstringByTextElements(start, (int)(end - start))));
            }
        }
    }

    private static (int Start, int? Length) ParseRange(string? argument)
    {
        string[] parts = (argument ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int start) && start >= 0)
        {
            if (parts.Length == 1) return (start, null);
            if (int.TryParse(parts[1], CultureInfo.InvariantCulture, out int length) && length >= 0) return (start, length);
        }
        throw new ArgumentException($"The Substring argument \"{argument}\" should be \"start\" or \"start,length\", e.g. \"0,9\".");
    }
}
