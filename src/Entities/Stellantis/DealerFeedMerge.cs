using Ingest.Tiers;

namespace Ingest.Entities.Stellantis;

/// <summary>
/// How the dealer feed (<see cref="StellantisFeedVehicle"/>) merges with the public inventory (<see cref="StellantisVehicle"/>,
/// the main source) in one consolidated table of vehicles (docs/consolidation.md): the runner's stage and the benchmark
/// that does the same job in DuckDB both read it from here.
/// </summary>
public static class DealerFeedMerge
{
    /// <summary>The public inventory's name in <c>_sources</c>.</summary>
    public const string InventorySource = "inventory";

    /// <summary>The dealer feed's name in <c>_sources</c>.</summary>
    public const string FeedSource = "dealer_feed";

    /// <summary>
    /// The most recent price and update time; the feed filling what the public record lacks, and for what does not
    /// change (msrp, stock number, colour, the dealer's discount) the last value either gave when neither does today;
    /// any other shared column is the public inventory's.
    /// </summary>
    public static IReadOnlyDictionary<string, FieldPolicy> Policies { get; } = new Dictionary<string, FieldPolicy>
    {
        ["discounted_price"] = FieldPolicy.Latest("last_updated"),
        ["last_updated"] = FieldPolicy.Latest("last_updated"),
        ["msrp"] = FieldPolicy.LastKnown,
        ["stock_number"] = FieldPolicy.LastKnown,
        ["exterior_color_desc"] = FieldPolicy.LastKnown,
        ["dealer_discount"] = FieldPolicy.LastKnown,
        ["mileage"] = FieldPolicy.FirstNonNull,
    };

    /// <summary>
    /// The feed counts days on the lot and stamps every item it sends with the time of sending: both move every day
    /// without the vehicle changing, and would make every vehicle it lists read as changed every day.
    /// </summary>
    public static IReadOnlyList<string> IgnoredInSnapshot { get; } = ["days_on_lot", "last_updated"];
}
