using System.Buffers.Text;
using System.Globalization;

namespace Ingest.Simulator;

/// <summary>
/// Appends minimized JSON into a span the caller owns, for records whose shape is fixed: literals (property names with
/// their punctuation) are copied, numbers and dates are formatted in place, and text comes pre-escaped. The caller
/// places separators; span indexing keeps an undersized buffer from being overrun (it throws).
/// </summary>
internal ref struct JsonSpanWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public JsonSpanWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Written => _position;

    public void Raw(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    public void Byte(byte value) => _buffer[_position++] = value;

    /// <summary>Text that needs no escaping (ASCII without quotes, backslashes or control characters), quoted.</summary>
    public void Quoted(scoped ReadOnlySpan<byte> ascii)
    {
        _buffer[_position++] = (byte)'"';
        Raw(ascii);
        _buffer[_position++] = (byte)'"';
    }

    public void Int(long value)
    {
        Utf8Formatter.TryFormat(value, _buffer[_position..], out var written);
        _position += written;
    }

    /// <summary>As <see cref="System.Text.Json.Utf8JsonWriter"/> writes a decimal (its scale kept: <c>40316.60</c>).</summary>
    public void Decimal(decimal value)
    {
        Utf8Formatter.TryFormat(value, _buffer[_position..], out var written);
        _position += written;
    }

    /// <summary>As <see cref="System.Text.Json.Utf8JsonWriter"/> writes a double (shortest round-trip form).</summary>
    public void Double(double value)
    {
        value.TryFormat(_buffer[_position..], out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary><c>#,##0.00</c>, with a leading <c>$</c> when asked; amounts with more than 2 decimals or below zero take the slow path.</summary>
    public void FormattedAmount(decimal amount, bool currency)
    {
        if (amount < 0 || amount.Scale > 2 || amount >= 1e15m)
        {
            Text(amount.ToString(currency ? "$#,##0.00" : "#,##0.00", CultureInfo.InvariantCulture));
            return;
        }
        var cents = (long)(amount * 100m);
        var whole = cents / 100;
        var fraction = (int)(cents % 100);
        _buffer[_position++] = (byte)'"';
        if (currency)
        {
            _buffer[_position++] = (byte)'$';
        }
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(whole, digits, out var count);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && (count - i) % 3 == 0)
            {
                _buffer[_position++] = (byte)',';
            }
            _buffer[_position++] = digits[i];
        }
        _buffer[_position++] = (byte)'.';
        _buffer[_position++] = (byte)('0' + fraction / 10);
        _buffer[_position++] = (byte)('0' + fraction % 10);
        _buffer[_position++] = (byte)'"';
    }

    /// <summary>ASCII text from a cold path (drift spellings), quoted.</summary>
    public void Text(string ascii)
    {
        _buffer[_position++] = (byte)'"';
        foreach (var ch in ascii)
        {
            _buffer[_position++] = (byte)ch;
        }
        _buffer[_position++] = (byte)'"';
    }

    /// <summary><c>"yyyy-MM-dd"</c>.</summary>
    public void IsoDate(DateOnly date)
    {
        var (year, month, day) = date;
        _buffer[_position++] = (byte)'"';
        Digits(year, 4);
        _buffer[_position++] = (byte)'-';
        Digits(month, 2);
        _buffer[_position++] = (byte)'-';
        Digits(day, 2);
        _buffer[_position++] = (byte)'"';
    }

    /// <summary><c>"MM/dd/yyyy"</c>.</summary>
    public void UsDate(DateOnly date)
    {
        var (year, month, day) = date;
        _buffer[_position++] = (byte)'"';
        Digits(month, 2);
        _buffer[_position++] = (byte)'/';
        Digits(day, 2);
        _buffer[_position++] = (byte)'/';
        Digits(year, 4);
        _buffer[_position++] = (byte)'"';
    }

    /// <summary><c>"yyyy-MM-ddTHH:mm:ssZ"</c>.</summary>
    public void UtcTimestamp(DateTime time)
    {
        var date = DateOnly.FromDateTime(time);
        var (year, month, day) = date;
        var seconds = (int)(time.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        _buffer[_position++] = (byte)'"';
        Digits(year, 4);
        _buffer[_position++] = (byte)'-';
        Digits(month, 2);
        _buffer[_position++] = (byte)'-';
        Digits(day, 2);
        _buffer[_position++] = (byte)'T';
        Digits(seconds / 3600, 2);
        _buffer[_position++] = (byte)':';
        Digits(seconds / 60 % 60, 2);
        _buffer[_position++] = (byte)':';
        Digits(seconds % 60, 2);
        _buffer[_position++] = (byte)'Z';
        _buffer[_position++] = (byte)'"';
    }

    private void Digits(int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            _buffer[_position + i] = (byte)('0' + value % 10);
            value /= 10;
        }
        _position += width;
    }
}
