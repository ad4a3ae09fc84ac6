namespace Ingest.Simulator;

/// <summary>Everything the endpoints share: the models, the request log, and the run-time settable date and faults.</summary>
internal sealed class SimulatorState
{
    private volatile FaultOptions _faults;
    private DateOnly _date;

    public SimulatorState(SimulatorOptions options)
    {
        Options = options;
        Inventory = new JeepInventory(options);
        Pages = new InventoryPages(Inventory);
        DealerLocator = new DealerLocator(options.Seed, Inventory.Dealers);
        DealerFeed = new DealerFeed(Inventory);
        Mercedes = new MercedesInventory(options, Inventory.Dealers);
        _faults = options.Faults;
        _date = options.EffectiveDate;
    }

    public SimulatorOptions Options { get; }
    public JeepInventory Inventory { get; }
    public InventoryPages Pages { get; }
    public DealerLocator DealerLocator { get; }
    public DealerFeed DealerFeed { get; }
    public MercedesInventory Mercedes { get; }
    public RequestLog Requests { get; } = new();
    public RowShiftTracker RowShifts { get; } = new();

    public FaultOptions Faults
    {
        get => _faults;
        set => _faults = value ?? FaultOptions.None;
    }

    public DateOnly Date
    {
        get { lock (this) return _date; }
        set { lock (this) _date = value; }
    }
}
