using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Transforms;

/// <summary>
/// The input text without a leading prefix (the argument), then trimmed: <c>"Jeep Wrangler"</c> with <c>"Jeep "</c>
/// gives <c>"Wrangler"</c>. Text without the prefix is kept as it is, trimmed.
/// </summary>
public sealed class StripPrefix : ITransform<StringArray, StringColumnBuffer>
{
    public static void Apply(StringArray input, string? argument, StringColumnBuffer output)
    {
        byte[] prefix = System.Text.Encoding.UTF8.GetBytes(argument ?? throw new ArgumentException("StripPrefix needs the prefix as its argument."));
        var rows = new Utf8Rows(input);
        for (int row = 0; row < rows.Length; row++)
        {
            if (!rows.TryGet(row, out ReadOnlySpan<byte> value))
            {
                output.AppendNull();
                continue;
            }
            if (value.StartsWith(prefix)) value = value[prefix.Length..];
            output.Append(value.Trim((byte)' '));
        }
    }
}
