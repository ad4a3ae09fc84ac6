using System.Text;
using System.Text.Json;

namespace Ingest.Coercers;

/// <summary>
/// Booleans as upstreams spell them: <c>"Y"</c>/<c>"N"</c>, <c>"yes"</c>/<c>"no"</c>, <c>true</c>/<c>false</c>
/// (token or string), <c>1</c>/<c>0</c> (number or string); case-insensitive.
/// </summary>
public sealed class Flag : ICoercer<bool>
{
    public static CoercionResult Coerce(JsonScalar value, out bool result)
    {
        result = false;
        switch (value.Token)
        {
            case JsonTokenType.True:
                result = true;
                return CoercionResult.Value;
            case JsonTokenType.False:
                return CoercionResult.Value;
            case JsonTokenType.Number or JsonTokenType.String:
                ReadOnlySpan<byte> text = value.Utf8.Trim((byte)' ');
                if (text.IsEmpty) return value.IsString ? CoercionResult.Null : CoercionResult.Failed;
                if (IsAny(text, "y"u8, "yes"u8, "true"u8, "1"u8, "t"u8)) { result = true; return CoercionResult.Value; }
                if (IsAny(text, "n"u8, "no"u8, "false"u8, "0"u8, "f"u8)) return CoercionResult.Value;
                return CoercionResult.Failed;
            default:
                return CoercionResult.Failed;
        }
    }

    private static bool IsAny(ReadOnlySpan<byte> text, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, ReadOnlySpan<byte> e) =>
        Ascii.EqualsIgnoreCase(text, a) || Ascii.EqualsIgnoreCase(text, b) || Ascii.EqualsIgnoreCase(text, c)
        || Ascii.EqualsIgnoreCase(text, d) || Ascii.EqualsIgnoreCase(text, e);
}
