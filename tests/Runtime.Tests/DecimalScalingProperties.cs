using System.Numerics;
using CsCheck;
using Ingest.Columns;

namespace Ingest.Runtime.Tests;

/// <summary>Property tests: decimal128 scaling rounds half-to-even to the scale and refuses what overflows the precision.</summary>
public sealed class DecimalScalingProperties
{
    private static BigInteger Pow10(int exponent) => BigInteger.Pow(10, exponent);

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/>, rounded half-to-even, by BigInteger arithmetic.</summary>
    private static BigInteger Expected(decimal value, int scale)
    {
        int[] bits = decimal.GetBits(value);
        var magnitude = new BigInteger(new ReadOnlySpan<byte>([.. BitConverter.GetBytes(bits[0]), .. BitConverter.GetBytes(bits[1]), .. BitConverter.GetBytes(bits[2])]), isUnsigned: true);
        int valueScale = (bits[3] >> 16) & 0xFF;
        BigInteger unscaled;
        if (valueScale <= scale) unscaled = magnitude * Pow10(scale - valueScale);
        else
        {
            BigInteger divisor = Pow10(valueScale - scale);
            BigInteger quotient = BigInteger.DivRem(magnitude, divisor, out BigInteger remainder);
            int half = (remainder * 2).CompareTo(divisor);
            if (half > 0 || (half == 0 && !quotient.IsEven)) quotient++;
            unscaled = quotient;
        }
        return value < 0 ? -unscaled : unscaled;
    }

    private static readonly Gen<decimal> Decimals = Gen.Frequency(
        (3, Gen.Decimal),
        (3, Gen.Select(Gen.Long, Gen.Int[0, 12]).Select((units, scale) => units / (decimal)Math.Pow(10, scale))),
        (2, Gen.Select(Gen.Int[-999_999, 999_999], Gen.Int[1, 6]).Select((units, scale) => (units + 0.5m) / (decimal)Math.Pow(10, scale))));

    [Fact]
    public void The_64_bit_fast_path_appends_what_the_general_one_would_or_declines()
    {
        // Mantissas around the edge of what scales within a long (long.MaxValue / 10^k), and ordinary ones.
        Gen<ulong> mantissas = Gen.Frequency(
            (2, Gen.ULong),
            (2, Gen.Int[0, 18].SelectMany(k => Gen.Int[-2, 2].Select(d => (ulong)(long.MaxValue / (long)Math.Pow(10, k)) + (ulong)(long)d))),
            (3, Gen.ULong[0, 10_000_000_000]));
        Gen.Select(mantissas, Gen.Int[-20, 20], Gen.Bool, Gen.Int[1, 38], Gen.Int[0, 20]).Where((_, _, _, precision, scale) => scale <= precision)
            .Sample((mantissa, exponent, negative, precision, scale) =>
            {
                var number = new Ingest.Coercers.Utf8Number { Mantissa = mantissa, Exponent = exponent, IsNegative = negative };
                var fast = new DecimalColumnBuffer(precision, scale, capacity: 1);
                if (!fast.TryAppendExact(number)) return; // declining is always allowed: the caller takes the general path
                Assert.True(number.TryToDecimal(out decimal value), $"{mantissa}e{exponent}");
                var general = new DecimalColumnBuffer(precision, scale, capacity: 1);
                Assert.True(general.TryAppend(value), $"{value} ({precision},{scale})");
                using var buffers = new BatchBuffers();
                var a = (Apache.Arrow.Decimal128Array)Apache.Arrow.ArrowArrayFactory.BuildArray(fast.Build(buffers));
                var b = (Apache.Arrow.Decimal128Array)Apache.Arrow.ArrowArrayFactory.BuildArray(general.Build(buffers));
                Assert.Equal(b.GetValue(0), a.GetValue(0));
            }, iter: 20_000);
    }

    [Fact]
    public void Scaling_rounds_half_to_even_and_refuses_exactly_what_overflows_the_precision()
    {
        Gen.Select(Decimals, Gen.Int[1, 38], Gen.Int[0, 38]).Where((_, precision, scale) => scale <= precision).Sample((value, precision, scale) =>
        {
            Int128 limit = Int128.Parse("1" + new string('0', precision), System.Globalization.CultureInfo.InvariantCulture);
            bool fits = DecimalColumnBuffer.TryScale(value, scale, limit, out Int128 unscaled);
            BigInteger expected = Expected(value, scale);
            bool expectedFits = BigInteger.Abs(expected) < Pow10(precision);
            Assert.True(expectedFits == fits, $"{value} at decimal128({precision},{scale}): fits {fits}, expected {expectedFits}");
            if (fits) Assert.Equal(expected, (BigInteger)unscaled);
        }, iter: 5000);
    }

    [Fact]
    public void Appended_decimals_read_back_as_the_rounded_value()
    {
        Gen.Select(Gen.Long[-99_999_999_999_999, 99_999_999_999_999], Gen.Int[0, 6]).Sample((units, digits) =>
        {
            decimal value = units / (decimal)Math.Pow(10, digits);
            var column = new DecimalColumnBuffer(precision: 18, scale: 2, capacity: 8);
            Assert.True(column.TryAppend(value));
            using var buffers = new BatchBuffers();
            var array = (Apache.Arrow.Decimal128Array)Apache.Arrow.ArrowArrayFactory.BuildArray(column.Build(buffers));
            Assert.Equal(Math.Round(value, 2, MidpointRounding.ToEven), array.GetValue(0));
        });
    }
}
