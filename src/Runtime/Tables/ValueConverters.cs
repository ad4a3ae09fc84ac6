using System.Runtime.CompilerServices;

namespace Ingest.Tables;

/// <summary>Converts one Arrow value to the CLR value Parquet.Net writes. Structs, so calls inline.</summary>
internal interface IValueConverter<TArrow, TParquet>
    where TArrow : unmanaged
    where TParquet : struct
{
    TParquet ToParquet(TArrow value);
}

internal readonly struct IdentityConverter<T> : IValueConverter<T, T> where T : unmanaged
{
    public T ToParquet(T value) => value;
}

/// <summary>date32 (days since 1970-01-01) → <see cref="DateOnly"/>.</summary>
internal readonly struct DateConverter : IValueConverter<int, DateOnly>
{
    private const int UnixEpochDayNumber = 719_162;

    public DateOnly ToParquet(int value) => DateOnly.FromDayNumber(value + UnixEpochDayNumber);
}

/// <summary>timestamp(µs) since the Unix epoch → UTC <see cref="DateTime"/> (100 ns ticks, so µs convert exactly).</summary>
internal readonly struct TimestampConverter : IValueConverter<long, DateTime>
{
    private const long TicksPerMicrosecond = 10;

    public DateTime ToParquet(long value) => new(DateTime.UnixEpoch.Ticks + value * TicksPerMicrosecond, DateTimeKind.Utc);
}

/// <summary>decimal128 (unscaled <see cref="Int128"/>) → <see cref="decimal"/> at the column's scale.</summary>
internal readonly struct DecimalConverter(int scale, string column) : IValueConverter<Int128, decimal>
{
    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    public decimal ToParquet(Int128 value)
    {
        bool negative = Int128.IsNegative(value);
        UInt128 magnitude = negative ? (UInt128)(-value) : (UInt128)value;
        if (magnitude > MaxMantissa) ThrowTooLarge(value);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowTooLarge(Int128 value) =>
        throw new OverflowException(
            $"Column {column}: the decimal's unscaled value {value} needs more than 96 bits, which Parquet.Net's decimal cannot hold; " +
            "declare a precision of 28 digits or fewer.");
}
