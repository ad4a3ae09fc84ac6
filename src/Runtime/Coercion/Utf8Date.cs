using System.Runtime.CompilerServices;

namespace Ingest.Coercers;

/// <summary>
/// Dates and timestamps read from UTF-8 text without allocating: ISO 8601 (<c>2025-10-03</c>,
/// <c>2025-10-03T14:05:00Z</c>, <c>2025-10-03 14:05:00.123+02:00</c>) and, when <c>usFormats</c> is set,
/// <c>MM/dd/yyyy</c> and <c>M/d/yyyy</c> with an optional <c>HH:mm[:ss]</c> time. A timestamp without an offset
/// is taken as UTC.
/// </summary>
public static class Utf8Date
{
    public static bool TryParseDate(ReadOnlySpan<byte> text, bool usFormats, out DateOnly date)
    {
        text = text.Trim((byte)' ');
        int consumed;
        if (TryParseIsoDate(text, out date, out consumed) || (usFormats && TryParseUsDate(text, out date, out consumed)))
        {
            // A date may carry a time we ignore ("2025-10-03T00:00:00Z"), but nothing else.
            return consumed == text.Length || text[consumed] == (byte)'T' || text[consumed] == (byte)' ';
        }
        return false;
    }

    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, bool usFormats, out DateTimeOffset timestamp)
    {
        timestamp = default;
        text = text.Trim((byte)' ');
        if (!TryParseIsoDate(text, out DateOnly date, out int i) && !(usFormats && TryParseUsDate(text, out date, out i)))
            return false;

        long ticks = date.DayNumber * TimeSpan.TicksPerDay;
        if (i < text.Length && (text[i] == (byte)'T' || text[i] == (byte)' '))
        {
            i++;
            if (!TryTwoDigits(text, i, out int hour) || i + 2 >= text.Length || text[i + 2] != (byte)':' || !TryTwoDigits(text, i + 3, out int minute))
                return false;
            i += 5;
            int second = 0;
            if (i < text.Length && text[i] == (byte)':')
            {
                if (!TryTwoDigits(text, i + 1, out second)) return false;
                i += 3;
            }
            if (hour > 23 || minute > 59 || second > 60) return false;
            ticks += hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + Math.Min(second, 59) * TimeSpan.TicksPerSecond;
            if (i < text.Length && (text[i] == (byte)'.' || text[i] == (byte)','))
            {
                i++;
                long fraction = 0;
                int digits = 0;
                while (i < text.Length && (uint)(text[i] - '0') <= 9)
                {
                    if (digits < 7)
                    {
                        fraction = fraction * 10 + (text[i] - '0');
                        digits++;
                    }
                    i++;
                }
                if (digits == 0) return false;
                for (; digits < 7; digits++) fraction *= 10;
                ticks += fraction;
            }
        }

        TimeSpan offset = TimeSpan.Zero;
        if (i < text.Length)
        {
            byte b = text[i];
            if (b == (byte)'Z' || b == (byte)'z')
            {
                i++;
            }
            else if (b == (byte)'+' || b == (byte)'-')
            {
                if (!TryTwoDigits(text, i + 1, out int offsetHours)) return false;
                int j = i + 3;
                if (j < text.Length && text[j] == (byte)':') j++;
                if (!TryTwoDigits(text, j, out int offsetMinutes)) return false;
                if (offsetHours > 14 || offsetMinutes > 59) return false;
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                if (b == (byte)'-') offset = -offset;
                i = j + 2;
            }
        }
        if (i != text.Length) return false;

        long utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks) return false;
        timestamp = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    // yyyy-MM-dd
    private static bool TryParseIsoDate(ReadOnlySpan<byte> text, out DateOnly date, out int consumed)
    {
        date = default;
        consumed = 10;
        if (text.Length < 10 || text[4] != (byte)'-' || text[7] != (byte)'-') return false;
        if (!TryTwoDigits(text, 0, out int c) || !TryTwoDigits(text, 2, out int y)) return false;
        if (!TryTwoDigits(text, 5, out int month) || !TryTwoDigits(text, 8, out int day)) return false;
        return TryMake(c * 100 + y, month, day, out date);
    }

    // M/d/yyyy or MM/dd/yyyy
    private static bool TryParseUsDate(ReadOnlySpan<byte> text, out DateOnly date, out int consumed)
    {
        date = default;
        consumed = 0;
        int i = 0;
        if (!TryUpToTwoDigits(text, ref i, out int month) || i >= text.Length || text[i++] != (byte)'/') return false;
        if (!TryUpToTwoDigits(text, ref i, out int day) || i >= text.Length || text[i++] != (byte)'/') return false;
        if (!TryTwoDigits(text, i, out int c) || !TryTwoDigits(text, i + 2, out int y)) return false;
        consumed = i + 4;
        return TryMake(c * 100 + y, month, day, out date);
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTwoDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if ((uint)(at + 1) >= (uint)text.Length) return false;
        uint hi = (uint)(text[at] - '0');
        uint lo = (uint)(text[at + 1] - '0');
        if (hi > 9 || lo > 9) return false;
        value = (int)(hi * 10 + lo);
        return true;
    }

    private static bool TryUpToTwoDigits(ReadOnlySpan<byte> text, ref int i, out int value)
    {
        value = 0;
        int start = i;
        while (i < text.Length && i - start < 2 && (uint)(text[i] - '0') <= 9)
        {
            value = value * 10 + (text[i] - '0');
            i++;
        }
        return i > start;
    }
}
