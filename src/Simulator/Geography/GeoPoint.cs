namespace Ingest.Simulator;

/// <summary>A point on the earth in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle (haversine) distance in statute miles, as dealer locators report it.</summary>
    public double MilesTo(GeoPoint other)
    {
        var lat1 = Latitude * (Math.PI / 180);
        var lat2 = other.Latitude * (Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (other.Longitude - Longitude) * (Math.PI / 180);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <summary>The point reached by moving a number of miles north and east (flat-earth approximation, fine for a metro).</summary>
    public GeoPoint OffsetMiles(double northMiles, double eastMiles)
    {
        var lat = Latitude + northMiles / 69.0;
        var lon = Longitude + eastMiles / (69.172 * Math.Cos(Latitude * Math.PI / 180));
        return new GeoPoint(Math.Round(lat, 4), Math.Round(lon, 4));
    }
}
