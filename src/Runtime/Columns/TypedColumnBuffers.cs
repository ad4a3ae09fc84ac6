using System.Runtime.CompilerServices;
using Apache.Arrow.Types;

namespace Ingest.Columns;

/// <summary>An int32 column.</summary>
public sealed class Int32ColumnBuffer(int capacity) : PrimitiveColumnBuffer<int>(Int32Type.Default, capacity);

/// <summary>An int64 column.</summary>
public sealed class Int64ColumnBuffer(int capacity) : PrimitiveColumnBuffer<long>(Int64Type.Default, capacity);

/// <summary>A float64 column.</summary>
public sealed class DoubleColumnBuffer(int capacity) : PrimitiveColumnBuffer<double>(DoubleType.Default, capacity);

/// <summary>A date32 column: days since 1970-01-01.</summary>
public sealed class DateColumnBuffer(int capacity) : PrimitiveColumnBuffer<int>(Date32Type.Default, capacity)
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(DateOnly date) => Append(date.DayNumber - EpochDayNumber);
}

/// <summary>A timestamp column in microseconds since the Unix epoch, UTC.</summary>
public sealed class TimestampColumnBuffer(int capacity) : PrimitiveColumnBuffer<long>(ArrowType, capacity)
{
    public static readonly TimestampType ArrowType = new(TimeUnit.Microsecond, "UTC");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(DateTimeOffset timestamp) =>
        Append((timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
}
