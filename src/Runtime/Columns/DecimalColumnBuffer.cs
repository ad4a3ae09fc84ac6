using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>
/// A decimal128(precision, scale) column: each value is stored as its unscaled 128-bit integer. A value with more
/// fractional digits than the scale is rounded half-to-even; one beyond the precision is refused.
/// </summary>
public sealed class DecimalColumnBuffer(int precision, int scale, int capacity)
    : PrimitiveColumnBuffer<Int128>(new Decimal128Type(precision, scale), capacity)
{
    private readonly Int128 _limit = Pow10(precision);

    // The limit as a long for the 64-bit path (precision 19 and up never binds there: long.MaxValue < 10^19).
    private readonly long _limit64 = precision < 19 ? (long)Pow10(precision) : long.MaxValue;

    public int Scale { get; } = scale;

    /// <summary>Appends the value; false (nothing appended) when it does not fit the precision.</summary>
    public bool TryAppend(decimal value)
    {
        if (!TryScale(value, Scale, _limit, out Int128 unscaled)) return false;
        Append(unscaled);
        return true;
    }

    /// <summary>
    /// Appends a parsed number when it scales exactly in 64 bits (money always does); false, with nothing appended,
    /// sends the caller to the general <see cref="TryAppend(decimal)"/>.
    /// </summary>
    public bool TryAppendExact(in Coercers.Utf8Number number)
    {
        int shift = number.Exponent + Scale;
        if (number.IsTruncated || shift < 0 || shift >= SmallPowersOfTen.Length) return false;
        if (number.Mantissa > LargestScalable[shift]) return false; // a table, not a 64-bit division per value
        long scaled = (long)(number.Mantissa * SmallPowersOfTen[shift]);
        if (scaled >= _limit64) return false;
        Append(number.IsNegative ? -scaled : scaled);
        return true;
    }

    internal static bool TryScale(decimal value, int scale, Int128 limit, out Int128 unscaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int valueScale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        ulong low = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];

        // Money is small and has no more decimals than the column: stay in 64 bits.
        if (bits[2] == 0 && valueScale <= scale && scale - valueScale < SmallPowersOfTen.Length)
        {
            ulong factor = SmallPowersOfTen[scale - valueScale];
            if (low <= long.MaxValue / factor)
            {
                long scaled = (long)(low * factor);
                unscaled = negative ? -scaled : scaled;
                return scaled < limit;
            }
        }

        var magnitude = new Int128((ulong)(uint)bits[2], low);

        if (valueScale < scale)
        {
            Int128 factor = Pow10(scale - valueScale);
            // Guard the multiply: the magnitude must stay under the precision's limit anyway.
            if (magnitude > limit / factor)
            {
                unscaled = 0;
                return false;
            }
            magnitude *= factor;
        }
        else if (valueScale > scale)
        {
            Int128 divisor = Pow10(valueScale - scale);
            Int128 quotient = Int128.DivRem(magnitude, divisor).Quotient;
            Int128 remainder = magnitude - quotient * divisor;
            Int128 twice = remainder * 2;
            if (twice > divisor || (twice == divisor && (quotient & 1) == 1)) quotient++;
            magnitude = quotient;
        }

        unscaled = negative ? -magnitude : magnitude;
        return magnitude < limit;
    }

    /// <summary><c>long.MaxValue / 10^k</c>: the largest mantissa that <see cref="SmallPowersOfTen"/>[k] scales within a long.</summary>
    private static ReadOnlySpan<ulong> LargestScalable =>
    [
        9_223_372_036_854_775_807, 922_337_203_685_477_580, 92_233_720_368_547_758, 9_223_372_036_854_775,
        922_337_203_685_477, 92_233_720_368_547, 9_223_372_036_854, 922_337_203_685, 92_233_720_368, 9_223_372_036,
        922_337_203, 92_233_720, 9_223_372, 922_337, 92_233, 9_223, 922, 92, 9,
    ];

    private static ReadOnlySpan<ulong> SmallPowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    private static Int128 Pow10(int exponent)
    {
        Int128 result = 1;
        for (int i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
