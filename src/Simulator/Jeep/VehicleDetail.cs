namespace Ingest.Simulator;

/// <summary>
/// Every value drawn for one vehicle on one day beyond its <see cref="VehicleCore"/>, as indices into the catalogue
/// and plain numbers: no strings, no arrays. The single source of truth for both <see cref="VehicleFactory"/> (the
/// <see cref="SimulatedVehicle"/> ground truth) and <see cref="VehicleRecordWriter"/> (the page bytes), so the two
/// cannot drift. Each field comes from its own random stream keyed by (seed, slot, generation); only the price
/// follows the slot's price epoch.
/// </summary>
internal struct VehicleDetail
{
    public const int MaxIncentives = 3;
    private const int NullPerMille = 100; // roughly one optional field in ten is null (or absent) on a given vehicle

    public byte TransmissionIndex;
    public byte PaintIndex;
    public byte InteriorIndex;
    public byte LlpIndex;
    public byte CppIndex;
    public byte OptionCount;
    public byte OptionOffset;
    public byte OptionStep;
    public byte CcodeLetter;
    public bool InTransit;
    public byte IncentiveCount;
    public byte FirstIncentiveProgram;
    public IncentiveDraws Incentives;
    public VehicleStatus Status;
    public bool IsRam;
    public byte StatusCodeIndex;
    /// <summary>-1 when the vehicle has no dealer notes.</summary>
    public sbyte DealerNoteIndex;
    public bool IsDemo;
    public bool HasOnlinePrice;
    public int StockSerial;
    public int Mileage;
    public int DeliveryDays;
    public int ProductionDaysBefore;
    public int ArrivalDay;
    public int PriceEpochStartDay;
    public int LastUpdatedSecond;
    /// <summary>A bit per <see cref="OptionalField"/> whose value is null on this vehicle.</summary>
    public uint NullFields;
    public decimal Msrp;
    public decimal Destination;
    public decimal Discount;
    public decimal IncentiveTotal;
    public VehicleSpelling Spelling;

    public readonly bool Has(OptionalField field) => (NullFields & (1u << (int)field)) == 0;

    public readonly decimal Total => Msrp + Destination;

    public readonly decimal NetPrice => Total - IncentiveTotal;

    public readonly decimal EmployeePrice => Math.Round(Total * 0.94m, 2);

    public readonly decimal DiscountedPrice => Total - Discount - IncentiveTotal;

    public readonly int OptionCodeIndex(int i) => (OptionOffset + i * OptionStep) % JeepCatalog.OptionCodes.Count;

    public readonly int IncentiveProgramIndex(int i) => (FirstIncentiveProgram + i) % JeepCatalog.IncentivePrograms.Count;

    public readonly decimal IncentiveAmount(int i) => 250m * Incentives[i].Units;

    /// <summary>Expiry is the end of a month after the vehicle's arrival month, so it does not move day to day.</summary>
    public readonly DateOnly IncentiveExpires(int i)
    {
        var arrival = VehicleLifecycle.DateOf(ArrivalDay);
        return new DateOnly(arrival.Year, arrival.Month, 1).AddMonths(1 + Incentives[i].MonthsAhead).AddDays(-1);
    }

    public readonly bool HasFuelCapacity(JeepModelLine line) => Has(OptionalField.FuelCapacity) && line.FuelCapacityGallons > 0;

    public readonly bool HasDateInStock => !InTransit && Has(OptionalField.DateInStock);

    public readonly bool HasEstimatedDelivery => InTransit && Has(OptionalField.EstimatedDeliveryDate);

    public readonly DateOnly DateInStock => VehicleLifecycle.DateOf(ArrivalDay);

    public readonly DateOnly EstimatedDeliveryDate => VehicleLifecycle.DateOf(ArrivalDay + 7 + DeliveryDays);

    public readonly DateOnly ProductionDate => VehicleLifecycle.DateOf(ArrivalDay - 20 - ProductionDaysBefore);

    /// <summary>The start of the current price cycle plus the drawn time of day (UTC).</summary>
    public readonly DateTime LastUpdated =>
        VehicleLifecycle.DateOf(PriceEpochStartDay).ToDateTime(TimeOnly.MinValue).AddSeconds(LastUpdatedSecond);

    /// <summary>Draws the vehicle's details; the order of draws on each stream is part of the simulator's output.</summary>
    public static VehicleDetail Draw(int seed, in VehicleCore core, int day, in VehicleLifecycle lifecycle)
    {
        var spec = JeepCatalog.Codes[core.CodeIndex];
        var line = spec.Line;
        var trim = line.Trims[core.TrimIndex];
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleDetail, (ulong)core.Slot, (ulong)core.Generation);
        var d = new VehicleDetail
        {
            NullFields = NullFieldsOf(seed, core.Slot, core.Generation),
            Spelling = DrawSpelling(seed, core),
        };

        d.TransmissionIndex = (byte)random.Next(line.Transmissions.Length);
        d.PaintIndex = (byte)random.Next(JeepCatalog.Paints.Count);
        d.InteriorIndex = (byte)random.Next(JeepCatalog.Interiors.Count);
        d.LlpIndex = (byte)random.Next(JeepCatalog.CustomerPreferredPackages.Count);
        d.CppIndex = (byte)random.Next(JeepCatalog.CustomerPreferredPackages.Count);
        d.OptionCount = (byte)random.Next(2, 9);
        d.OptionOffset = (byte)random.Next(JeepCatalog.OptionCodes.Count);
        d.OptionStep = (byte)(1 + random.Next(3));
        d.CcodeLetter = (byte)random.Next(3);

        // Prices: msrp from trim, engine and options; the discount follows the slot's price epoch.
        var paintCode = JeepCatalog.Paints[d.PaintIndex].Code;
        d.Msrp = trim.BaseMsrp + core.EngineIndex * 2500m + d.OptionCount * 395m + (paintCode is "PW7" or "PX8" ? 0m : 495m);
        d.Destination = line.Destination;
        d.ArrivalDay = lifecycle.ArrivalDay(day);
        d.InTransit = random.Chance(0.08);

        d.IncentiveCount = (byte)(random.Next(10) switch { < 3 => 0, < 7 => 1, < 9 => 2, _ => 3 });
        d.FirstIncentiveProgram = (byte)random.Next(JeepCatalog.IncentivePrograms.Count);
        var incentiveTotal = 0m;
        for (var i = 0; i < d.IncentiveCount; i++)
        {
            var monthsAhead = (byte)random.Next(2);
            var units = (byte)random.Next(1, 17);
            d.Incentives[i] = new IncentiveDraw(units, monthsAhead);
            incentiveTotal += 250m * units;
        }
        d.IncentiveTotal = incentiveTotal;

        var priceRandom = new SimRandom((ulong)seed, RandomStreams.Price, (ulong)core.Slot, (ulong)(core.Generation * 1000L + lifecycle.PriceEpoch(day)));
        d.Discount = Math.Round(d.Msrp * (decimal)(0.01 + 0.09 * priceRandom.NextDouble()) / 50m) * 50m;
        d.PriceEpochStartDay = lifecycle.PriceEpochStartDay(day);
        d.LastUpdatedSecond = priceRandom.Next(6 * 3600, 22 * 3600);

        d.Status = d.InTransit ? VehicleStatus.InTransit : random.Chance(0.04) ? VehicleStatus.Reserved : VehicleStatus.InStock;
        d.IsRam = random.Chance(0.005);
        d.StatusCodeIndex = (byte)random.Next(JeepCatalog.StatusCodes.Count);
        d.StockSerial = d.Has(OptionalField.StockNumber) ? random.Next(1000, 99999) : 0;
        d.Mileage = d.Has(OptionalField.Mileage) ? random.Next(0, 40) : 0;
        d.DealerNoteIndex = random.Chance(0.6) && d.Has(OptionalField.DealerNotes) ? (sbyte)random.Next(VehicleText.DealerNotes.Length) : (sbyte)-1;
        d.DeliveryDays = d.HasEstimatedDelivery ? random.Next(24) : 0;
        d.ProductionDaysBefore = d.Has(OptionalField.ProductionDate) ? random.Next(40) : 0;
        d.IsDemo = d.Has(OptionalField.IsDemo) && random.Chance(0.03);
        d.HasOnlinePrice = d.Has(OptionalField.HasOnlinePrice) && random.Chance(0.8);
        return d;
    }

    /// <summary>One hash per optional field over (seed, slot, generation, field); the key prefix is mixed once.</summary>
    private static uint NullFieldsOf(int seed, int slot, int generation)
    {
        // Same as SimRandom.Hash(seed, slot, generation, 100 + field) for each field.
        var prefix = SimRandom.Mix(SimRandom.Mix(SimRandom.Mix((ulong)seed) ^ (ulong)slot) ^ (ulong)generation);
        var nulls = 0u;
        for (var field = 0; field <= (int)OptionalField.HasOnlinePrice; field++)
        {
            if (SimRandom.Mix(prefix ^ (100 + (ulong)field)) % 1000 < NullPerMille)
            {
                nulls |= 1u << field;
            }
        }
        return nulls;
    }

    private static VehicleSpelling DrawSpelling(int seed, in VehicleCore core)
    {
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleSpelling, (ulong)core.Slot, (ulong)core.Generation);
        var prices = random.Next(10) switch { < 6 => NumberSpelling.Number, < 9 => NumberSpelling.Formatted, _ => NumberSpelling.Currency };
        var incentives = random.Chance(0.5) ? NumberSpelling.Number : NumberSpelling.Formatted;
        // Half of the null optional fields are left out instead of written as null.
        var absent = (uint)random.NextUInt64();
        return new VehicleSpelling(prices, incentives, absent, random.Chance(0.3), random.Chance(0.7), random.Chance(0.5));
    }
}
