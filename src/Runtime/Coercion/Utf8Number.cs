using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Coercers;

/// <summary>
/// A decimal number read from UTF-8 text without allocating: up to 19 significant digits in
/// <see cref="Mantissa"/>, scaled by ten to the <see cref="Exponent"/>. The parsers here are the shared core of the
/// numeric coercers; they accept plain JSON numbers or, with <c>formatted: true</c>, what people write in
/// documents: <c>"48,995.00"</c>, <c>"$12,345.00"</c>, <c>"20 MPG"</c>, <c>" 285 "</c>.
/// </summary>
public readonly struct Utf8Number
{
    public ulong Mantissa { get; init; }
    public int Exponent { get; init; }
    public bool IsNegative { get; init; }

    /// <summary>True when digits beyond the 19th were dropped, so <see cref="Mantissa"/> is not exact.</summary>
    public bool IsTruncated { get; init; }

    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Parses a number. Plain: optional sign, digits, optional fraction and exponent, surrounding spaces.
    /// Formatted also allows a currency sign (<c>$ € £</c>), thousands commas and a trailing unit without digits
    /// (<c>MPG</c>, <c>mi</c>, <c>%</c>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, bool formatted, out Utf8Number number)
    {
        // Almost every number has at most 19 digits, so none is dropped and leading zeros need no counting: one tight
        // loop per part. Longer ones go to the general parser, which this one agrees with (NumberParserProperties).
        number = default;
        ref byte first = ref MemoryMarshal.GetReference(text);
        int n = text.Length;
        int i = 0;
        while (i < n && Unsafe.Add(ref first, i) == (byte)' ') i++;

        bool negative = false;
        if (i < n && Unsafe.Add(ref first, i) is (byte)'-' or (byte)'+')
        {
            negative = Unsafe.Add(ref first, i) == (byte)'-';
            i++;
        }
        if (formatted)
        {
            i = SkipCurrencySign(text, i);
            if (!negative && i < n && Unsafe.Add(ref first, i) == (byte)'-')
            {
                negative = true; // "$-12.00"
                i++;
            }
        }

        ulong mantissa = 0;
        int digits = 0;
        int exponent = 0;
        while (i < n)
        {
            uint d = (uint)(Unsafe.Add(ref first, i) - '0');
            if (d <= 9)
            {
                mantissa = mantissa * 10 + d; // wraps past 19 digits, and is then thrown away below
                digits++;
                i++;
            }
            else if (formatted && Unsafe.Add(ref first, i) == (byte)',' && digits > 0 && i + 1 < n && (uint)(Unsafe.Add(ref first, i + 1) - '0') <= 9)
            {
                i++;
            }
            else break;
        }
        if (i < n && Unsafe.Add(ref first, i) == (byte)'.')
        {
            i++;
            while (i < n)
            {
                uint d = (uint)(Unsafe.Add(ref first, i) - '0');
                if (d > 9) break;
                mantissa = mantissa * 10 + d;
                digits++;
                exponent--;
                i++;
            }
        }
        if (digits == 0) return false;
        if (digits > 19) return TryParseGeneral(text, formatted, out number);
        if (i == n)
        {
            number = new Utf8Number { Mantissa = mantissa, Exponent = exponent, IsNegative = negative };
            return true;
        }
        return TryFinish(text, formatted, i, mantissa, exponent, negative, truncated: false, out number);
    }

    /// <summary>
    /// <see cref="TryParse"/> for any number of digits: up to 19 significant ones are kept, later ones counted in the
    /// exponent (integer part) or dropped (fraction), and <see cref="IsTruncated"/> says whether a dropped one was not 0.
    /// </summary>
    internal static bool TryParseGeneral(ReadOnlySpan<byte> text, bool formatted, out Utf8Number number)
    {
        number = default;
        int i = 0;
        int n = text.Length;
        while (i < n && text[i] == (byte)' ') i++;

        bool negative = false;
        if (i < n && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        if (formatted) i = SkipCurrencySign(text, i);
        if (formatted && !negative && i < n && text[i] == (byte)'-')
        {
            negative = true; // "$-12.00"
            i++;
        }

        ulong mantissa = 0;
        int significant = 0;
        int exponent = 0;
        bool truncated = false;
        bool anyDigit = false;

        // Integer part, with thousands commas between digit groups when formatted.
        while (i < n)
        {
            uint d = (uint)(text[i] - '0');
            if (d <= 9)
            {
                anyDigit = true;
                if (significant < 19)
                {
                    if (mantissa != 0 || d != 0) significant++;
                    mantissa = mantissa * 10 + d;
                }
                else
                {
                    exponent++;
                    truncated |= d != 0;
                }
                i++;
            }
            else if (formatted && text[i] == (byte)',' && anyDigit && i + 1 < n && (uint)(text[i + 1] - '0') <= 9)
            {
                i++;
            }
            else break;
        }

        if (i < n && text[i] == (byte)'.')
        {
            i++;
            while (i < n)
            {
                uint d = (uint)(text[i] - '0');
                if (d > 9) break;
                anyDigit = true;
                if (significant < 19)
                {
                    if (mantissa != 0 || d != 0) significant++;
                    mantissa = mantissa * 10 + d;
                    exponent--;
                }
                else truncated |= d != 0;
                i++;
            }
        }
        if (!anyDigit) return false;
        return TryFinish(text, formatted, i, mantissa, exponent, negative, truncated, out number);
    }

    /// <summary>The rest after the digits: an exponent, a unit when formatted, spaces, and nothing else.</summary>
    private static bool TryFinish(ReadOnlySpan<byte> text, bool formatted, int i, ulong mantissa, int exponent, bool negative, bool truncated, out Utf8Number number)
    {
        number = default;
        int n = text.Length;
        if (i < n && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            int j = i + 1;
            bool expNegative = false;
            if (j < n && (text[j] == (byte)'-' || text[j] == (byte)'+'))
            {
                expNegative = text[j] == (byte)'-';
                j++;
            }
            int expValue = 0;
            int expDigits = 0;
            while (j < n && (uint)(text[j] - '0') <= 9)
            {
                if (expValue < 100_000) expValue = expValue * 10 + (text[j] - '0');
                j++;
                expDigits++;
            }
            if (expDigits > 0)
            {
                exponent += expNegative ? -expValue : expValue;
                i = j;
            }
            else if (!formatted) return false;
        }

        if (formatted) i = SkipUnit(text, i);
        while (i < n && text[i] == (byte)' ') i++;
        if (i != n) return false;

        number = new Utf8Number { Mantissa = mantissa, Exponent = exponent, IsNegative = negative, IsTruncated = truncated };
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipCurrencySign(ReadOnlySpan<byte> text, int i)
    {
        if (i >= text.Length) return i;
        switch (text[i])
        {
            case (byte)'$': return i + 1;
            case 0xE2 when text[i..].StartsWith("€"u8): return i + 3; // only a lead byte of € or £ is worth comparing
            case 0xC2 when text[i..].StartsWith("£"u8): return i + 2;
            default: return i;
        }
    }

    // A unit after the number: spaces, then letters, '%', '/', '.', never digits ("20 MPG", "12%", "5 mi.").
    private static int SkipUnit(ReadOnlySpan<byte> text, int i)
    {
        int j = i;
        while (j < text.Length && text[j] == (byte)' ') j++;
        int start = j;
        while (j < text.Length)
        {
            byte b = text[j];
            bool unitByte = (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == (byte)'%' || b == (byte)'/' || b == (byte)'.' || b == (byte)' ';
            if (!unitByte) break;
            j++;
        }
        return j > start ? j : i;
    }

    /// <summary>The number as a double, correctly rounded.</summary>
    public double ToDouble(ReadOnlySpan<byte> originalText)
    {
        // Clinger's fast path: both the mantissa and the power of ten are exact doubles.
        if (!IsTruncated && Mantissa <= (1UL << 53) && Exponent >= -22 && Exponent <= 22)
        {
            double value = Mantissa;
            value = Exponent >= 0 ? value * ExactPowersOfTen[Exponent] : value / ExactPowersOfTen[-Exponent];
            return IsNegative ? -value : value;
        }
        return SlowToDouble(originalText);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double SlowToDouble(ReadOnlySpan<byte> originalText)
    {
        // Rebuild a plain number (no currency, commas or unit) and let the BCL round it.
        Span<byte> buffer = originalText.Length < 128 ? stackalloc byte[128] : new byte[originalText.Length + 1];
        int length = RebuildPlain(originalText, buffer);
        return double.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
            ? parsed
            : (IsNegative ? -1.0 : 1.0) * Mantissa * Math.Pow(10, Exponent);
    }

    // The sign, digits, point and exponent of the text without currency, commas or unit; buffer has room for all of it.
    private int RebuildPlain(ReadOnlySpan<byte> originalText, Span<byte> buffer)
    {
        int length = 0;
        if (IsNegative) buffer[length++] = (byte)'-';
        bool started = false;
        foreach (byte b in originalText)
        {
            if ((uint)(b - '0') <= 9 || b == (byte)'.' || (started && (b == (byte)'e' || b == (byte)'E' || b == (byte)'-' || b == (byte)'+')))
            {
                buffer[length++] = b;
                started = true;
            }
            else if (started && b != (byte)',') break;
        }
        return length;
    }

    /// <summary>
    /// The number as a decimal, reading every digit of <paramref name="originalText"/> (the text it was parsed
    /// from) when it has more than <see cref="Mantissa"/> holds: a decimal keeps 28 significant digits.
    /// </summary>
    public bool TryToDecimal(ReadOnlySpan<byte> originalText, out decimal value)
    {
        if (!IsTruncated) return TryToDecimal(out value);
        Span<byte> buffer = originalText.Length < 128 ? stackalloc byte[128] : new byte[originalText.Length + 1];
        int length = RebuildPlain(originalText, buffer);
        return decimal.TryParse(buffer[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The number as a decimal; false when it does not fit (over 28 digits of scale or magnitude).</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0;
        if (IsTruncated) return false;
        if (Exponent <= 0)
        {
            if (-Exponent > 28) return false;
            value = new decimal((int)Mantissa, (int)(Mantissa >> 32), 0, IsNegative, (byte)-Exponent);
            return true;
        }
        if (Exponent > 28) return false;
        try
        {
            value = new decimal((int)Mantissa, (int)(Mantissa >> 32), 0, IsNegative, 0) * Pow10Decimal(Exponent);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal Pow10Decimal(int exponent)
    {
        decimal result = 1;
        for (int k = 0; k < exponent; k++) result *= 10;
        return result;
    }

    /// <summary>The number as a whole long; false when it has a fractional part or overflows.</summary>
    public bool TryToInt64(out long value)
    {
        value = 0;
        if (IsTruncated) return false;
        ulong magnitude = Mantissa;
        int exponent = Exponent;
        // "285.00" is 28500e-2: drop trailing zeros of the fraction; any other fraction is not whole.
        while (exponent < 0)
        {
            if (magnitude % 10 != 0) return false;
            magnitude /= 10;
            exponent++;
        }
        while (exponent > 0)
        {
            if (magnitude > ulong.MaxValue / 10) return false;
            magnitude *= 10;
            exponent--;
        }
        if (IsNegative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - magnitude);
        }
        else
        {
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
        }
        return true;
    }

    /// <summary>The number as a whole int; false when it has a fractional part or overflows.</summary>
    public bool TryToInt32(out int value)
    {
        value = 0;
        if (!TryToInt64(out long wide) || wide < int.MinValue || wide > int.MaxValue) return false;
        value = (int)wide;
        return true;
    }

    /// <summary>Fast path for the common case: a plain integer of at most 18 digits, no sign handling beyond '-'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSmallInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        if (i == text.Length || text.Length - i > 18) return false;
        long accumulator = 0;
        for (; i < text.Length; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9) return false;
            accumulator = accumulator * 10 + d;
        }
        value = negative ? -accumulator : accumulator;
        return true;
    }
}
