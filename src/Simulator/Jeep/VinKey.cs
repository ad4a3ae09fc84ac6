namespace Ingest.Simulator;

/// <summary>
/// A 17-character VIN packed into two big-endian words and a byte, so a day's 250,000 VINs sort in ordinal order
/// without allocating a string each.
/// </summary>
internal readonly record struct VinKey(ulong High, ulong Low, byte Last) : IComparable<VinKey>
{
    public static VinKey From(ReadOnlySpan<char> vin)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 8; i++)
        {
            high = (high << 8) | (byte)vin[i];
            low = (low << 8) | (byte)vin[i + 8];
        }
        return new VinKey(high, low, (byte)vin[16]);
    }

    public int CompareTo(VinKey other)
    {
        var c = High.CompareTo(other.High);
        if (c != 0) return c;
        c = Low.CompareTo(other.Low);
        return c != 0 ? c : Last.CompareTo(other.Last);
    }

    /// <summary>The 17 ASCII characters as UTF-8.</summary>
    public void Write(Span<byte> output)
    {
        for (var i = 0; i < 8; i++)
        {
            output[i] = (byte)(High >> (56 - 8 * i));
            output[i + 8] = (byte)(Low >> (56 - 8 * i));
        }
        output[16] = Last;
    }

    public override string ToString() => string.Create(17, this, static (span, key) =>
    {
        for (var i = 0; i < 8; i++)
        {
            span[i] = (char)(byte)(key.High >> (56 - 8 * i));
            span[i + 8] = (char)(byte)(key.Low >> (56 - 8 * i));
        }
        span[16] = (char)key.Last;
    });
}
