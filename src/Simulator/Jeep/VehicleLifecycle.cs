namespace Ingest.Simulator;

/// <summary>
/// The life of one inventory slot over time. A slot holds a sequence of vehicles ("generations"): each stays
/// <see cref="Period"/> days minus a short gap after its sale before the next one arrives. With periods of 25-60
/// days about 2.5% of vehicles are sold and about as many arrive each day. Prices change on their own, slower
/// cycle (<see cref="PriceEpoch"/>), so a few percent of the remaining vehicles are repriced each day.
/// </summary>
internal readonly struct VehicleLifecycle
{
    private static readonly DateOnly Epoch = new(2020, 1, 1);

    private readonly int _phase;
    private readonly int _pricePhase;
    private readonly int _pricePeriod;

    public VehicleLifecycle(int seed, int slot)
    {
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleLifecycle, (ulong)slot);
        Period = random.Next(25, 61);
        _phase = random.Next(Period);
        Gap = random.Next(0, 4);
        _pricePeriod = random.Next(18, 45);
        _pricePhase = random.Next(_pricePeriod);
    }

    public int Period { get; }

    /// <summary>Days the slot stays empty between a sale and the next arrival.</summary>
    public int Gap { get; }

    public static int DayNumber(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly DateOf(int dayNumber) => Epoch.AddDays(dayNumber);

    public int Generation(int day) => (day + _phase) / Period;

    public bool IsPresent(int day) => (day + _phase) % Period >= Gap;

    /// <summary>The day the current generation's vehicle arrived on the lot.</summary>
    public int ArrivalDay(int day) => day - ((day + _phase) % Period) + Gap;

    public int PriceEpoch(int day) => (day + _pricePhase) / _pricePeriod;

    public int PriceEpochStartDay(int day) => day - ((day + _pricePhase) % _pricePeriod);
}
