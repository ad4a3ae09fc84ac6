namespace Ingest.Simulator;

/// <summary>The vehicles matching a search (date, code, zip, radius) in served order, and the point distances are measured from.</summary>
internal sealed record InventorySelection(InventoryDay Day, int[] Slots, GeoPoint Origin, string? ModelYearCode)
{
    private double[]? _distances;

    /// <summary>Miles from <see cref="Origin"/> to a dealer, rounded to 2 decimals (computed once per dealer and selection).</summary>
    public double DistanceTo(DealerNetwork dealers, int dealerIndex)
    {
        var distances = _distances ??= Distances(dealers, Origin);
        return distances[dealerIndex];
    }

    private static double[] Distances(DealerNetwork dealers, GeoPoint origin)
    {
        var distances = new double[dealers.Dealers.Count];
        for (var i = 0; i < distances.Length; i++)
        {
            distances[i] = Math.Round(origin.MilesTo(dealers.Dealers[i].Location), 2);
        }
        return distances;
    }
}
