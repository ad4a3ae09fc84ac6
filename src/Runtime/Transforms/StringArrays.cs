using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace Ingest.Transforms;

/// <summary>Reading a <see cref="StringArray"/> row's bytes without allocating a string.</summary>
internal static class StringArrays
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGetBytes(StringArray array, int row, out ReadOnlySpan<byte> utf8)
    {
        if (array.IsNull(row))
        {
            utf8 = default;
            return false;
        }
        utf8 = array.GetBytes(row);
        return true;
    }
}
