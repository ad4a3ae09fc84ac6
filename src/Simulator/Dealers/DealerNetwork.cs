using System.Collections.Concurrent;

namespace Ingest.Simulator;

/// <summary>
/// The national dealer network: every dealer, the zip codes the simulator can locate (metro zips and dealer zips),
/// and cached "which dealers are within r miles of this zip" masks.
/// </summary>
public sealed class DealerNetwork
{
    private readonly Dictionary<string, GeoPoint> _zips = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Zip, double Radius), bool[]> _masks = new();
    private readonly double[] _cumulativeInventoryWeights;

    public DealerNetwork(int seed, int dealerCount, IReadOnlyList<MetroArea>? metros = null)
    {
        metros ??= MetroAreas.All;
        var metroWeights = new double[metros.Count];
        var total = 0.0;
        for (var i = 0; i < metros.Count; i++)
        {
            total += metros[i].DealerWeight;
            metroWeights[i] = total;
        }

        var dealers = new SimulatedDealer[dealerCount];
        _cumulativeInventoryWeights = new double[dealerCount];
        var weights = 0.0;
        for (var i = 0; i < dealerCount; i++)
        {
            dealers[i] = DealerFactory.Create(seed, i, metros, metroWeights);
            weights += dealers[i].InventoryWeight;
            _cumulativeInventoryWeights[i] = weights;
        }
        Dealers = dealers;

        foreach (var metro in metros)
        {
            _zips[metro.Zip] = metro.Centroid;
        }
        foreach (var dealer in dealers)
        {
            _zips.TryAdd(dealer.Zip5, dealer.Location);
        }
    }

    public IReadOnlyList<SimulatedDealer> Dealers { get; }

    /// <summary>Every zip code the simulator knows; any other zip is answered with an error envelope.</summary>
    public IReadOnlyCollection<string> KnownZips => _zips.Keys;

    public bool TryLocateZip(string? zip, out GeoPoint point)
    {
        point = default;
        return zip is { Length: >= 5 } && _zips.TryGetValue(zip[..5], out point);
    }

    /// <summary>Picks the dealer that stocks a vehicle, in proportion to the dealers' inventory weights.</summary>
    internal int PickDealer(ref SimRandom random) => random.PickCumulative(_cumulativeInventoryWeights);

    /// <summary>A mask over <see cref="Dealers"/>: true where the dealer is within <paramref name="radiusMiles"/> of the zip.</summary>
    internal bool[] DealersWithin(string zip5, GeoPoint origin, double radiusMiles) =>
        _masks.GetOrAdd((zip5, radiusMiles), static (key, state) =>
        {
            var (network, point) = state;
            var mask = new bool[network.Dealers.Count];
            for (var i = 0; i < mask.Length; i++)
            {
                mask[i] = point.MilesTo(network.Dealers[i].Location) <= key.Radius;
            }
            return mask;
        }, (this, origin));
}
