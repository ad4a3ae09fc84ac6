using System.Collections.Concurrent;

namespace Ingest.Simulator;

/// <summary>
/// The seeded model of national Jeep inventory. Slots are split among model-year codes by their catalogue share;
/// each slot's lifecycle decides which vehicle (if any) it holds on a date. Memory stays modest: per slot a
/// lifecycle and, per cached day, a compact <see cref="VehicleCore"/>; full vehicles are regenerated on demand.
/// </summary>
public sealed class JeepInventory
{
    private const int CachedDays = 4;
    private const int CachedSelections = 512;

    private readonly VehicleLifecycle[] _lifecycles;
    private readonly DealerJson[] _dealerJson;
    private readonly byte[] _slotCode;
    private readonly int[] _codeStart;
    private readonly int _localBits;
    private readonly Dictionary<string, int> _codeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, InventoryDay> _days = new();
    private readonly Queue<int> _dayOrder = new();
    private readonly Lock _daysLock = new();
    private readonly ConcurrentDictionary<(int Day, string? Code, string Zip, int Radius, string DealerCodes), InventorySelection> _selections = new();

    public JeepInventory(int seed, int vehicleCount, DealerNetwork dealers)
    {
        Seed = seed;
        VehicleCount = vehicleCount;
        Dealers = dealers;
        var codes = JeepCatalog.Codes;
        _codeStart = new int[codes.Count + 1];
        var cumulative = 0.0;
        for (var i = 0; i < codes.Count; i++)
        {
            _codeIndex[codes[i].Code] = i;
            _codeStart[i] = (int)Math.Round(cumulative * vehicleCount);
            cumulative += codes[i].Share;
        }
        _codeStart[^1] = vehicleCount;

        var largest = 1;
        _slotCode = new byte[vehicleCount];
        for (var i = 0; i < codes.Count; i++)
        {
            largest = Math.Max(largest, _codeStart[i + 1] - _codeStart[i]);
            _slotCode.AsSpan(_codeStart[i], _codeStart[i + 1] - _codeStart[i]).Fill((byte)i);
        }
        _localBits = Math.Max(1, (int)Math.Ceiling(Math.Log2(largest)));

        _dealerJson = dealers.Dealers.Select(d => new DealerJson(d)).ToArray();
        _lifecycles = new VehicleLifecycle[vehicleCount];
        for (var slot = 0; slot < vehicleCount; slot++)
        {
            _lifecycles[slot] = new VehicleLifecycle(seed, slot);
        }
    }

    public JeepInventory(SimulatorOptions options)
        : this(options.Seed, options.VehicleCount, new DealerNetwork(options.Seed, options.DealerCount))
    {
    }

    public int Seed { get; }

    /// <summary>Inventory slots; on a given day a few percent are empty (sold, next vehicle not yet arrived).</summary>
    public int VehicleCount { get; }

    public DealerNetwork Dealers { get; }

    public static IReadOnlyList<string> AllModelYearCodes { get; } = JeepCatalog.Codes.Select(c => c.Code).ToArray();

    public bool IsKnownModelYearCode(string code) => _codeIndex.ContainsKey(code);

    /// <summary>Model-year codes with their national vehicle counts on a date.</summary>
    public IReadOnlyList<ModelYearCodeCount> ModelYearCodes(DateOnly date)
    {
        var day = Day(date);
        var codes = JeepCatalog.Codes;
        var result = new ModelYearCodeCount[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            result[i] = new ModelYearCodeCount(codes[i].Code, codes[i].Line.ModelName, codes[i].ModelYear, day.SlotsByCode[i].Length);
        }
        return result;
    }

    /// <summary>The ground truth of every vehicle matching the query, in served order (by VIN).</summary>
    public IReadOnlyList<SimulatedVehicle> Vehicles(InventoryQuery query)
    {
        var selection = Select(query) ?? throw new ArgumentException($"Unknown zip code '{query.Zip}'.", nameof(query));
        var vehicles = new SimulatedVehicle[selection.Slots.Length];
        for (var i = 0; i < vehicles.Length; i++)
        {
            vehicles[i] = Vehicle(selection, selection.Slots[i]);
        }
        return vehicles;
    }

    /// <summary>Number of vehicles matching the query (what <c>metadata.totalcount</c> reports).</summary>
    public int Count(InventoryQuery query) =>
        (Select(query) ?? throw new ArgumentException($"Unknown zip code '{query.Zip}'.", nameof(query))).Slots.Length;

    /// <summary>The vehicles matching a search, or null when the zip is unknown. Unknown codes match nothing.</summary>
    internal InventorySelection? Select(InventoryQuery query)
    {
        if (!Dealers.TryLocateZip(query.Zip, out var origin))
        {
            return null;
        }
        var zip5 = query.Zip[..5];
        var day = Day(query.Date);
        IReadOnlyList<string> dealerCodes = query.DealerCodeList;
        var key = (day.DayNumber, query.ModelYearCode, zip5, Math.Min(query.Radius, InventoryQuery.NationalRadius), string.Join(',', dealerCodes));
        if (_selections.TryGetValue(key, out var cached))
        {
            return cached;
        }

        int[] candidates;
        if (string.IsNullOrEmpty(query.ModelYearCode))
        {
            candidates = day.AllSlots;
        }
        else if (_codeIndex.TryGetValue(query.ModelYearCode, out var codeIndex))
        {
            candidates = day.SlotsByCode[codeIndex];
        }
        else
        {
            candidates = [];
        }

        var slots = candidates;
        if (!query.IsNational)
        {
            var mask = Dealers.DealersWithin(zip5, origin, query.Radius);
            var filtered = new List<int>();
            foreach (var slot in candidates)
            {
                if (mask[day.Cores[slot].DealerIndex])
                {
                    filtered.Add(slot);
                }
            }
            slots = filtered.ToArray();
        }
        if (dealerCodes.Count > 0)
        {
            var wanted = new HashSet<string>(dealerCodes, StringComparer.Ordinal);
            slots = [.. slots.Where(slot => wanted.Contains(Dealers.Dealers[day.Cores[slot].DealerIndex].DealerCode))];
        }

        if (_selections.Count > CachedSelections)
        {
            _selections.Clear();
        }
        var selection = new InventorySelection(day, slots, origin, query.ModelYearCode);
        _selections[key] = selection;
        return selection;
    }

    internal SimulatedVehicle Vehicle(InventorySelection selection, int slot) => Vehicle(selection, selection.Day.Cores[slot]);

    internal SimulatedVehicle Vehicle(InventorySelection selection, in VehicleCore core) =>
        VehicleFactory.Create(core, Detail(selection, core), Dealers.Dealers[core.DealerIndex], selection.DistanceTo(Dealers, core.DealerIndex));

    /// <summary>The drawn values behind a vehicle on the selection's day (what both the ground truth and the page bytes are made of).</summary>
    internal VehicleDetail Detail(InventorySelection selection, in VehicleCore core) =>
        VehicleDetail.Draw(Seed, core, selection.Day.DayNumber, _lifecycles[core.Slot]);

    /// <summary>The drawn values behind a vehicle as the inventory of day <paramref name="dayNumber"/> would serve it (its price follows that day's price cycle).</summary>
    internal VehicleDetail Detail(in VehicleCore core, int dayNumber) => VehicleDetail.Draw(Seed, core, dayNumber, _lifecycles[core.Slot]);

    /// <summary>Whether a slot holds the vehicle of <paramref name="generation"/> on day <paramref name="dayNumber"/> (the same VIN).</summary>
    internal bool Holds(int slot, int generation, int dayNumber) =>
        _lifecycles[slot].IsPresent(dayNumber) && _lifecycles[slot].Generation(dayNumber) == generation;

    /// <summary>Writes a vehicle's record as the page serves it; returns the bytes written.</summary>
    internal int WriteRecord(Span<byte> output, InventorySelection selection, in VehicleCore core, SchemaDriftKind drift)
    {
        var detail = Detail(selection, core);
        return VehicleRecordWriter.Write(output, core, detail, _dealerJson[core.DealerIndex], selection.DistanceTo(Dealers, core.DealerIndex), drift);
    }

    /// <summary>A vehicle that is not in the day's inventory: an arrival used to shift rows mid-pagination.</summary>
    internal VehicleCore ArrivalCore(InventoryDay day, int slot, VinKey vin)
    {
        var generation = _lifecycles[slot].Generation(day.DayNumber) + 500_000;
        var core = VehicleCore.Create(Seed, slot, generation, _slotCode[slot], slot - _codeStart[_slotCode[slot]], _localBits, Dealers);
        return core with { Vin = vin };
    }

    internal InventoryDay Day(DateOnly date)
    {
        var dayNumber = VehicleLifecycle.DayNumber(date);
        lock (_daysLock)
        {
            if (_days.TryGetValue(dayNumber, out var cached))
            {
                return cached;
            }
        }

        var day = BuildDay(date, dayNumber);
        lock (_daysLock)
        {
            if (_days.TryGetValue(dayNumber, out var raced))
            {
                return raced;
            }
            _days[dayNumber] = day;
            _dayOrder.Enqueue(dayNumber);
            if (_dayOrder.Count > CachedDays)
            {
                _days.Remove(_dayOrder.Dequeue());
            }
        }
        return day;
    }

    private InventoryDay BuildDay(DateOnly date, int dayNumber)
    {
        var cores = new VehicleCore[VehicleCount];
        var present = new bool[VehicleCount];
        var codes = JeepCatalog.Codes;
        var slotsByCode = new int[codes.Count][];
        Parallel.For(0, codes.Count, codeIndex =>
        {
            var start = _codeStart[codeIndex];
            var end = _codeStart[codeIndex + 1];
            var slots = new List<int>(end - start);
            for (var slot = start; slot < end; slot++)
            {
                var lifecycle = _lifecycles[slot];
                if (!lifecycle.IsPresent(dayNumber))
                {
                    continue;
                }
                present[slot] = true;
                cores[slot] = VehicleCore.Create(Seed, slot, lifecycle.Generation(dayNumber), (byte)codeIndex, slot - start, _localBits, Dealers);
                slots.Add(slot);
            }
            var array = slots.ToArray();
            var keys = new VinKey[array.Length];
            for (var i = 0; i < array.Length; i++)
            {
                keys[i] = cores[array[i]].Vin;
            }
            Array.Sort(keys, array);
            slotsByCode[codeIndex] = array;
        });

        var all = new int[slotsByCode.Sum(s => s.Length)];
        var allKeys = new VinKey[all.Length];
        var offset = 0;
        foreach (var slots in slotsByCode)
        {
            slots.CopyTo(all, offset);
            offset += slots.Length;
        }
        for (var i = 0; i < all.Length; i++)
        {
            allKeys[i] = cores[all[i]].Vin;
        }
        Array.Sort(allKeys, all);
        return new InventoryDay(date, cores, present, slotsByCode, all);
    }
}
