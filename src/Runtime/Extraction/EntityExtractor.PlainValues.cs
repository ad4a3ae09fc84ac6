using System.Runtime.CompilerServices;
using System.Text.Json;
using Ingest.Coercers;
using Ingest.Columns;

namespace Ingest.Extraction;

/// <summary>
/// Readers for columns that declare no coercer (the <see cref="Plain"/> coercion), which are most columns. Each has
/// a fast path for the value's usual shape (an unescaped string, a JSON number, a literal) that never builds a
/// <see cref="JsonScalar"/>, and leaves everything else (nulls, escapes, numbers as strings, bad values) to a slow
/// path that is not inlined: the generated match methods stay small and keep their locals in registers.
/// </summary>
public abstract partial class EntityExtractor
{
    /// <summary>Reads a string value (any scalar's text) into a string column; objects and arrays fail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadString(ref Utf8JsonReader reader, StringColumnBuffer column, int columnIndex, int row)
    {
        // The UTF-8 check rides on the copy (StringColumnBuffer.TryAppendUtf8): measured 3-5% of extraction, PGO off.
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && column.TryAppendUtf8(reader.ValueSpan)) return;
        ReadStringSlow(ref reader, column, columnIndex, row);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadStringSlow(ref Utf8JsonReader reader, StringColumnBuffer column, int columnIndex, int row)
    {
        switch (ReadScalar(ref reader, out JsonScalar value))
        {
            case ScalarKind.Value:
                AppendText(column, value.Utf8, columnIndex, row);
                break;
            case ScalarKind.Null:
                column.AppendNull();
                break;
            default:
                FailUnreadable(ref reader, columnIndex, row);
                column.AppendNull();
                break;
        }
    }

    /// <summary>Reads an int column with the <see cref="Plain"/> coercion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, Int32ColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.Number
            && Utf8Number.TryParseSmallInteger(reader.ValueSpan, out long value) && value is >= int.MinValue and <= int.MaxValue)
        {
            column.Append((int)value);
            return;
        }
        ReadCoercedSlow<int, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>Reads a long column with the <see cref="Plain"/> coercion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, Int64ColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.Number && Utf8Number.TryParseSmallInteger(reader.ValueSpan, out long value))
        {
            column.Append(value);
            return;
        }
        ReadCoercedSlow<long, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>Reads a double column with the <see cref="Plain"/> coercion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, DoubleColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.Number && Utf8Number.TryParse(reader.ValueSpan, formatted: false, out Utf8Number number))
        {
            column.Append(number.ToDouble(reader.ValueSpan));
            return;
        }
        ReadCoercedSlow<double, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>Reads a bool column with the <see cref="Plain"/> coercion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, BooleanColumnBuffer column, int columnIndex, int row)
    {
        JsonTokenType token = reader.TokenType;
        if (token is JsonTokenType.True or JsonTokenType.False)
        {
            column.Append(token == JsonTokenType.True);
            return;
        }
        ReadCoercedSlow<bool, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>Reads a date column with the <see cref="Plain"/> coercion (ISO 8601).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, DateColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Date.TryParseDate(reader.ValueSpan, usFormats: false, out DateOnly date))
        {
            column.Append(date);
            return;
        }
        ReadCoercedSlow<DateOnly, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>Reads a timestamp column with the <see cref="Plain"/> coercion (ISO 8601; no offset means UTC).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadPlain(ref Utf8JsonReader reader, TimestampColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Date.TryParseTimestamp(reader.ValueSpan, usFormats: false, out DateTimeOffset timestamp))
        {
            column.Append(timestamp);
            return;
        }
        ReadCoercedSlow<DateTimeOffset, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>
    /// Reads a decimal column with the <see cref="Plain"/> coercion or, when <paramref name="formatted"/>, the
    /// <see cref="FormattedNumber"/> one, straight from the text to the unscaled integer (no <c>decimal</c> between).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ReadDecimal(ref Utf8JsonReader reader, DecimalColumnBuffer column, int columnIndex, int row, bool formatted)
    {
        JsonTokenType token = reader.TokenType;
        if ((token == JsonTokenType.Number || (token == JsonTokenType.String && !reader.ValueIsEscaped))
            && Utf8Number.TryParse(reader.ValueSpan, formatted && token == JsonTokenType.String, out Utf8Number number)
            && column.TryAppendExact(number))
        {
            return;
        }
        if (formatted) ReadCoercedSlow<decimal, FormattedNumber>(ref reader, column, columnIndex, row);
        else ReadCoercedSlow<decimal, Plain>(ref reader, column, columnIndex, row);
    }

    /// <summary>True when the value can be handed to a coercer as it lies in the page: a number, a literal, or a string without escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool IsPlainScalar(ref Utf8JsonReader reader)
    {
        JsonTokenType token = reader.TokenType;
        return token is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False
            || (token == JsonTokenType.String && !reader.ValueIsEscaped);
    }

    /// <summary>
    /// Everything the fast paths leave, for any coercer: nulls, escaped strings, structures, and values that failed
    /// (coerced again here so the failure is counted with its sample).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void ReadCoercedSlow<T, TCoercer>(ref Utf8JsonReader reader, ColumnBuffer column, int columnIndex, int row)
        where TCoercer : ICoercer<T>
    {
        switch (ReadScalar(ref reader, out JsonScalar value))
        {
            case ScalarKind.Value:
                switch (TCoercer.Coerce(value, out T result))
                {
                    case CoercionResult.Value when TryAppendValue(column, result):
                        return;
                    case CoercionResult.Null:
                        column.AppendNull();
                        return;
                }
                Fail(columnIndex, row, value.Utf8);
                column.AppendNull();
                return;
            case ScalarKind.Null:
                column.AppendNull();
                return;
            default:
                FailUnreadable(ref reader, columnIndex, row);
                column.AppendNull();
                return;
        }
    }

    private static bool TryAppendValue<T>(ColumnBuffer column, T value)
    {
        switch (column)
        {
            case Int32ColumnBuffer ints: ints.Append(Unsafe.As<T, int>(ref value)); return true;
            case Int64ColumnBuffer longs: longs.Append(Unsafe.As<T, long>(ref value)); return true;
            case DoubleColumnBuffer doubles: doubles.Append(Unsafe.As<T, double>(ref value)); return true;
            case BooleanColumnBuffer bools: bools.Append(Unsafe.As<T, bool>(ref value)); return true;
            case DateColumnBuffer dates: dates.Append(Unsafe.As<T, DateOnly>(ref value)); return true;
            case TimestampColumnBuffer timestamps: timestamps.Append(Unsafe.As<T, DateTimeOffset>(ref value)); return true;
            case DecimalColumnBuffer decimals: return decimals.TryAppend(Unsafe.As<T, decimal>(ref value));
            default: throw new InvalidOperationException($"No append of {typeof(T).Name} to {column.GetType().Name}.");
        }
    }
}
