namespace Ingest.Simulator;

/// <summary>The paths the simulator serves (the upstreams' own paths, plus an admin prefix for runners).</summary>
public static class SimulatorPaths
{
    public const string Inventory = "/hostd/inventory/getinventoryresults.json";
    public const string DealerLocator = "/bdlws/MDLSDealerLocator";
    /// <summary>The dealer inventory feed (simulated: a syndication platform's feed for its subscribing dealers).</summary>
    public const string DealerFeed = "/feeds/stellantis/inventory.json";
    public const string MercedesNew = "/api/inv/v1/en_us/new/vehicles/search";
    public const string MercedesUsed = "/api/inv/v1/en_us/used/vehicles/search";
    public const string AdminFaults = "/_sim/faults";
    public const string AdminDate = "/_sim/date";
    public const string AdminRequests = "/_sim/requests";
    public const string AdminReset = "/_sim/reset";
    public const string AdminModelYearCodes = "/_sim/model-year-codes";
}
