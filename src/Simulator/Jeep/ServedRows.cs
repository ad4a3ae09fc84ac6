namespace Ingest.Simulator;

/// <summary>
/// The rows of a search as a reader sees them at one moment: the selection, possibly with one vehicle inserted or
/// removed at <see cref="ShiftPosition"/> (a live inventory changing under a paginated read).
/// </summary>
internal sealed class ServedRows
{
    private readonly JeepInventory _inventory;
    private readonly VehicleCore _inserted;

    private ServedRows(JeepInventory inventory, InventorySelection selection, int shiftPosition, RowShiftKind kind, VehicleCore inserted)
    {
        _inventory = inventory;
        Selection = selection;
        ShiftPosition = shiftPosition;
        Kind = kind;
        _inserted = inserted;
    }

    public InventorySelection Selection { get; }

    /// <summary>-1 when nothing moved.</summary>
    public int ShiftPosition { get; }

    public RowShiftKind Kind { get; }

    public int Count => Selection.Slots.Length + (ShiftPosition < 0 ? 0 : Kind == RowShiftKind.Insertion ? 1 : -1);

    public static ServedRows Unshifted(JeepInventory inventory, InventorySelection selection) =>
        new(inventory, selection, -1, RowShiftKind.Insertion, default);

    /// <summary>
    /// The selection after one change at a position inside page <paramref name="afterPage"/>, so that later pages move:
    /// an insertion repeats a row already read, a removal hides one not yet read.
    /// </summary>
    public static ServedRows Shifted(JeepInventory inventory, InventorySelection selection, int afterPage, int pageSize, RowShiftKind kind, ulong entropy)
    {
        var slots = selection.Slots;
        var pageEnd = Math.Min(afterPage * pageSize, slots.Length);
        if (pageEnd <= 0 || (kind == RowShiftKind.Removal && slots.Length == 0))
        {
            return Unshifted(inventory, selection);
        }
        var pageStart = (afterPage - 1) * pageSize;
        var position = pageStart + (int)(entropy % (ulong)Math.Max(1, pageEnd - pageStart));
        position = Math.Clamp(position, 0, slots.Length - 1);
        if (kind == RowShiftKind.Removal)
        {
            return new ServedRows(inventory, selection, position, kind, default);
        }
        var next = selection.Day.Cores[slots[position]];
        var inserted = inventory.ArrivalCore(selection.Day, next.Slot, VinJustBefore(next.Vin));
        return new ServedRows(inventory, selection, position, kind, inserted);
    }

    public JeepInventory Inventory => _inventory;

    /// <summary>The core of the vehicle served at a position (the day's core, or the inserted arrival).</summary>
    public ref readonly VehicleCore this[int index]
    {
        get
        {
            var slots = Selection.Slots;
            var cores = Selection.Day.Cores;
            if (ShiftPosition < 0 || index < ShiftPosition)
            {
                return ref cores[slots[index]];
            }
            if (Kind == RowShiftKind.Removal)
            {
                return ref cores[slots[index + 1]];
            }
            return ref index == ShiftPosition ? ref _inserted : ref cores[slots[index - 1]];
        }
    }

    /// <summary>The same VIN with its 6-digit serial one lower, so the arrival sorts right before its neighbour.</summary>
    private static VinKey VinJustBefore(VinKey vin)
    {
        Span<char> chars = stackalloc char[17];
        vin.ToString().AsSpan().CopyTo(chars);
        var serial = int.Parse(chars[11..], provider: System.Globalization.CultureInfo.InvariantCulture);
        serial = serial == 0 ? 0 : serial - 1;
        serial.TryFormat(chars[11..], out _, "D6", System.Globalization.CultureInfo.InvariantCulture);
        return VinKey.From(chars);
    }
}
