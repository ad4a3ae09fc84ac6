using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Transforms;

/// <summary>
/// Fills a URL template with the input text: the argument is the template and <c>{0}</c> marks where the value
/// goes (<c>https://www.jeep.com/mediaserver/iris?{0}&amp;pov=fronthero</c>). Null or empty input gives null.
/// </summary>
public sealed class UrlTemplate : ITransform<StringArray, StringColumnBuffer>
{
    public static void Apply(StringArray input, string? argument, StringColumnBuffer output)
    {
        string template = argument ?? throw new ArgumentException("UrlTemplate needs a template argument with {0}, e.g. \"https://host/path?{0}\".");
        int hole = template.IndexOf("{0}", StringComparison.Ordinal);
        if (hole < 0) throw new ArgumentException($"The UrlTemplate argument \"{template}\" has no {{0}} where the value goes.");
        byte[] prefix = System.Text.Encoding.UTF8.GetBytes(template[..hole]);
        byte[] suffix = System.Text.Encoding.UTF8.GetBytes(template[(hole + 3)..]);

        var rows = new Utf8Rows(input);
        for (int row = 0; row < rows.Length; row++)
        {
            if (!rows.TryGet(row, out ReadOnlySpan<byte> value) || value.IsEmpty)
            {
                output.AppendNull();
                continue;
            }
            Span<byte> target = output.Reserve(prefix.Length + value.Length + suffix.Length);
            prefix.CopyTo(target);
            value.CopyTo(target[prefix.Length..]);
            suffix.CopyTo(target[(prefix.Length + value.Length)..]);
            output.CommitReserved(target.Length);
        }
    }
}
