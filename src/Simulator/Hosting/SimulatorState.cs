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

    private readonly object _resetting = new();
    private CancellationTokenSource _earlierRequests = new();

    /// <summary>
    /// Counts a request (<see cref="RequestLog.Register"/>) and gives the token that a reset cancels to end it: taken
    /// together, so a request counted before a reset is always ended by it.
    /// </summary>
    public (long Sequence, int Attempt, CancellationToken EndedByReset) Register(string path, string url)
    {
        lock (_resetting)
        {
            var (sequence, attempt) = Requests.Register(path, url);
            return (sequence, attempt, _earlierRequests.Token);
        }
    }

    /// <summary>
    /// Ends the requests in flight (a held one waits for its client to go away, which a loaded machine can take long to
    /// notice), waits for them to be logged, then forgets the log and the row shifts: whatever an earlier caller left
    /// behind is gone before the next one asks. Requests arriving meanwhile wait for the reset to finish.
    /// </summary>
    /// <exception cref="TimeoutException">Requests were still being answered after <paramref name="drainTimeout"/>.</exception>
    public void ResetRequests(TimeSpan drainTimeout)
    {
        lock (_resetting)
        {
            // Not disposed: a request ended by it may still be unlinking from its token.
            CancellationTokenSource ending = _earlierRequests;
            _earlierRequests = new CancellationTokenSource();
            ending.Cancel();
            if (!SpinWait.SpinUntil(() => Requests.InFlight == 0, drainTimeout))
            {
                throw new TimeoutException(
                    $"{Requests.InFlight} request(s) were still being answered {drainTimeout.TotalSeconds:0.#} s after the reset ended them; nothing was reset.");
            }
            Requests.Reset();
            RowShifts.Reset();
        }
    }

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
