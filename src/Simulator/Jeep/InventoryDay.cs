namespace Ingest.Simulator;

/// <summary>
/// The national inventory on one date: the core of every vehicle on the lot, and per model-year code the slots of
/// those vehicles in served order (by VIN). Built once per date (~100 ms) and cached by <see cref="JeepInventory"/>.
/// </summary>
internal sealed class InventoryDay
{
    public InventoryDay(DateOnly date, VehicleCore[] cores, bool[] present, int[][] slotsByCode, int[] allSlots)
    {
        Date = date;
        DayNumber = VehicleLifecycle.DayNumber(date);
        Cores = cores;
        Present = present;
        SlotsByCode = slotsByCode;
        AllSlots = allSlots;
    }

    public DateOnly Date { get; }

    public int DayNumber { get; }

    /// <summary>Indexed by slot; meaningful only where <see cref="Present"/> is true.</summary>
    public VehicleCore[] Cores { get; }

    public bool[] Present { get; }

    /// <summary>Per code (index into <see cref="JeepCatalog.Codes"/>), the present slots sorted by VIN.</summary>
    public int[][] SlotsByCode { get; }

    /// <summary>Every present slot sorted by VIN (a search without a model-year code).</summary>
    public int[] AllSlots { get; }
}
