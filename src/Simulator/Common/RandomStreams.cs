namespace Ingest.Simulator;

/// <summary>Stream ids that keep the independent random decisions of the simulator from correlating.</summary>
internal static class RandomStreams
{
    public const ulong Dealer = 1;
    public const ulong VehicleLifecycle = 2;
    public const ulong VehicleCore = 3;
    public const ulong VehicleDetail = 4;
    public const ulong VehicleSpelling = 5;
    public const ulong Price = 6;
    public const ulong Fault = 7;
    public const ulong Bom = 8;
    public const ulong MercedesDealer = 9;
    public const ulong MercedesVehicle = 10;
    public const ulong RowShift = 11;
    public const ulong DealerFeedSubscription = 12;
    public const ulong DealerFeedItem = 13;
}
