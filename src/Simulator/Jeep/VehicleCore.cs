namespace Ingest.Simulator;

/// <summary>
/// The few draws that decide a vehicle's place in the inventory (trim, engine, dealer, VIN), cheap enough to
/// compute for all 250,000 slots when a day is first asked for. <see cref="VehicleFactory"/> continues from here.
/// </summary>
internal readonly record struct VehicleCore(int Slot, int Generation, byte CodeIndex, byte TrimIndex, byte EngineIndex, short DealerIndex, VinKey Vin)
{
    /// <param name="localSlot">The slot's index within its model-year code; with <paramref name="localBits"/> it makes the
    /// VIN serial unique within the code on any day (VINs of different codes differ in their first 10 characters).</param>
    public static VehicleCore Create(int seed, int slot, int generation, byte codeIndex, int localSlot, int localBits, DealerNetwork dealers)
    {
        var spec = JeepCatalog.Codes[codeIndex];
        var line = spec.Line;
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleCore, (ulong)slot, (ulong)generation);
        var trimIndex = random.Next(line.Trims.Length);
        var trim = line.Trims[trimIndex];
        var engineIndex = trim.Engines[random.Next(trim.Engines.Length)];
        var engine = line.Engines[engineIndex];
        var dealer = dealers.PickDealer(ref random);

        Span<char> vin = stackalloc char[17];
        line.Wmi.AsSpan().CopyTo(vin);
        trim.ModelCode.AsSpan(2, 4).CopyTo(vin[3..]);
        vin[7] = engine.VinLetter;
        var check = random.Next(11);
        vin[8] = check == 10 ? 'X' : (char)('0' + check);
        vin[9] = spec.ModelYear == 2025 ? 'S' : 'T';
        vin[10] = line.Plant;
        var mask = (1 << localBits) - 1;
        var serial = (int)(((uint)localSlot * 40503u) & (uint)mask) + ((generation % (1_000_000 >> localBits)) << localBits);
        for (var i = 16; i >= 11; i--)
        {
            vin[i] = (char)('0' + serial % 10);
            serial /= 10;
        }
        return new VehicleCore(slot, generation, codeIndex, (byte)trimIndex, (byte)engineIndex, (short)dealer, VinKey.From(vin));
    }
}
