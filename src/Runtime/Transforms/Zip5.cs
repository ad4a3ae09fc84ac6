using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Transforms;

/// <summary>
/// A US 5-digit ZIP code from a 5- or 9-digit one (<c>100011234</c>, <c>10001-1234</c> → <c>10001</c>). Anything else
/// gives null.
/// </summary>
public sealed class Zip5 : ITransform<StringArray, StringColumnBuffer>
{
    public static void Apply(StringArray input, string? argument, StringColumnBuffer output)
    {
        var rows = new Utf8Rows(input);
        for (int row = 0; row < rows.Length; row++)
        {
            if (rows.TryGet(row, out ReadOnlySpan<byte> value) && IsZip(value)) output.Append(value[..5]);
            else output.AppendNull();
        }
    }

    private static bool IsZip(ReadOnlySpan<byte> value)
    {
        bool shapeOk = value.Length == 5 || value.Length == 9 || (value.Length == 10 && value[5] == (byte)'-');
        if (!shapeOk) return false;
        for (int i = 0; i < value.Length; i++)
        {
            if (i == 5 && value.Length == 10) continue;
            if ((uint)(value[i] - '0') > 9) return false;
        }
        return true;
    }
}
