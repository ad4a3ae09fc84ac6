using Ingest.Entities.Mercedes;
using Ingest.Entities.Stellantis;
using Ingest.Sources;

namespace Ingest.Runner.Stages;

/// <summary>
/// The stages this repository ships: Stellantis (Jeep) inventory and dealers, and Mercedes-Benz USA inventory, raw to
/// consolidated; and the Stellantis dealer feed, raw to transformed, merged with the inventory's vehicles into one consolidated table.
/// </summary>
internal static class BuiltInStages
{
    public static StageRegistry AddTo(StageRegistry registry) => registry
        .Raw("stellantis/raw/inventory", StellantisSource, StellantisSubResources)
        .Transformed<StellantisVehicle>("stellantis/transformed/vehicles_from_inventory", "stellantis/raw/inventory")
        .Consolidated<StellantisVehicle>("stellantis/consolidated/vehicles", "stellantis/transformed/vehicles_from_inventory")
        .Raw("stellantis/raw/dealers", StellantisDealerSource, context => [new SubResource(context.Setting("INGEST_BRAND_CODE", "J"))])
        .Transformed<StellantisDealer>("stellantis/transformed/dealers", "stellantis/raw/dealers")
        .Consolidated<StellantisDealer>("stellantis/consolidated/dealers", "stellantis/transformed/dealers")
        // The dealer feed is a second source of the same vehicles; its consolidated stage is the merge with the inventory.
        .Raw("stellantis/raw/dealer_feed", StellantisDealerFeedSource, context => [new SubResource(context.Setting("INGEST_BRAND_CODE", "J"))])
        .Transformed<StellantisFeedVehicle>("stellantis/transformed/vehicles_from_dealer_feed", "stellantis/raw/dealer_feed")
        .Consolidated<StellantisVehicle>("stellantis/consolidated/vehicles_with_dealer_feed", "stellantis/transformed/vehicles_from_inventory", options => options with
        {
            SourceName = DealerFeedMerge.InventorySource,
            OtherSources = [StageRegistry.OtherSource<StellantisFeedVehicle>(DealerFeedMerge.FeedSource, "stellantis/transformed/vehicles_from_dealer_feed")],
            FieldPolicies = DealerFeedMerge.Policies,
            IgnoredInSnapshot = DealerFeedMerge.IgnoredInSnapshot,
        })
        .Raw("mercedes/raw/inventory", MercedesSource, _ => [new SubResource("new"), new SubResource("used")])
        .Transformed<MercedesVehicle>("mercedes/transformed/vehicles_from_inventory", "mercedes/raw/inventory")
        .Consolidated<MercedesVehicle>("mercedes/consolidated/vehicles", "mercedes/transformed/vehicles_from_inventory");

    private static PagedSourceOptions StellantisSource(StageContext context) =>
        KnownSources.StellantisInventory(
            context.RequireUpstream(),
            zip: context.Setting("INGEST_ZIP", "10001"),
            radius: context.IntSetting("INGEST_RADIUS", 99999),
            brand: context.Setting("INGEST_BRAND", "jeep"));

    private static PagedSourceOptions StellantisDealerSource(StageContext context) =>
        KnownSources.StellantisDealers(
            context.RequireUpstream(),
            zip: context.Setting("INGEST_ZIP", "10001"),
            radius: context.IntSetting("INGEST_RADIUS", 99999),
            brand: context.Setting("INGEST_BRAND", "jeep"));

    private static PagedSourceOptions StellantisDealerFeedSource(StageContext context) =>
        KnownSources.StellantisDealerFeed(
            context.RequireUpstream(),
            zip: context.Setting("INGEST_ZIP", "10001"),
            radius: context.IntSetting("INGEST_RADIUS", 99999));

    private static PagedSourceOptions MercedesSource(StageContext context) =>
        KnownSources.MercedesInventory(context.RequireUpstream(), zip: context.Setting("INGEST_ZIP", "10001"));

    /// <summary>The model-year codes to fetch: <c>INGEST_MODEL_YEAR_CODES</c> (comma-separated) or every code of the brand.</summary>
    private static IReadOnlyList<SubResource> StellantisSubResources(StageContext context)
    {
        string configured = context.Setting("INGEST_MODEL_YEAR_CODES", "");
        IEnumerable<string> codes = configured.Length > 0
            ? configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : StellantisModelYearCodes.Jeep;
        return [.. codes.Select(code => new SubResource(code))];
    }
}
