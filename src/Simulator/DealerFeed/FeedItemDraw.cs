namespace Ingest.Simulator;

/// <summary>
/// The feed's own decisions about one vehicle on one day, drawn in a fixed order from one stream keyed by (seed, slot,
/// generation, day): whether the feed lags on it, carries yesterday's price, leaves out its msrp or colour, and when it
/// says it updated it. Keyed by the day, so a vehicle the feed lags on today is back tomorrow; the feed's own stock
/// number is the vehicle's alone.
/// </summary>
internal readonly record struct FeedItemDraw(bool Lagging, bool WantsStalePrice, bool MsrpMissing, bool ColorMissing, int UpdatedSecond, int OwnStockSerial)
{
    public const double LagRate = 0.02;
    public const double StalePriceRate = 0.05;
    public const double MissingMsrpRate = 0.03;
    public const double MissingColorRate = 0.03;

    /// <summary>Seconds into the stale window (00:00-06:00 of the day before); a fresh item takes a sixth of it after 22:00.</summary>
    public const int StaleWindowSeconds = 6 * 3600;

    public static FeedItemDraw Of(int seed, in VehicleCore core, int day)
    {
        var random = new SimRandom((ulong)seed, RandomStreams.DealerFeedItem, SimRandom.Hash((ulong)core.Slot, (ulong)core.Generation), (ulong)day);
        return new FeedItemDraw(
            Lagging: random.Chance(LagRate),
            WantsStalePrice: random.Chance(StalePriceRate),
            MsrpMissing: random.Chance(MissingMsrpRate),
            ColorMissing: random.Chance(MissingColorRate),
            UpdatedSecond: random.Next(StaleWindowSeconds),
            OwnStockSerial: OwnStockSerialOf(seed, core));
    }

    /// <summary>
    /// The serial of the feed's own stock number (when the public record has none): a dealer's stock number does not
    /// change from day to day, so it is drawn from the vehicle alone, not the day.
    /// </summary>
    private static int OwnStockSerialOf(int seed, in VehicleCore core) =>
        new SimRandom((ulong)seed, RandomStreams.DealerFeedItem, SimRandom.Hash((ulong)core.Slot, (ulong)core.Generation), ulong.MaxValue).Next(1, 10_000);
}
