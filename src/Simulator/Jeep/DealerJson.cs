using System.Globalization;
using System.Text;

namespace Ingest.Simulator;

/// <summary>A dealer's fields of the vehicle record pre-encoded as JSON values (built once per inventory).</summary>
internal sealed class DealerJson
{
    public DealerJson(SimulatedDealer dealer)
    {
        Code = JsonText.Quoted(dealer.DealerCode);
        Zip5 = JsonText.Quoted(dealer.Zip5);
        Zip9 = dealer.DealerZipCode.Length == 9 ? JsonText.Quoted(dealer.DealerZipCode) : Zip5;
        Latitude = Number(dealer.Location.Latitude);
        Longitude = Number(dealer.Location.Longitude);
        LatitudeAsString = JsonText.Quoted(dealer.Location.Latitude.ToString("R", CultureInfo.InvariantCulture));
        LongitudeAsString = JsonText.Quoted(dealer.Location.Longitude.ToString("R", CultureInfo.InvariantCulture));
    }

    public byte[] Code { get; }
    public byte[] Zip5 { get; }
    /// <summary>The 9-digit zip when the dealer has one, else the 5-digit zip.</summary>
    public byte[] Zip9 { get; }
    public byte[] Latitude { get; }
    public byte[] Longitude { get; }
    public byte[] LatitudeAsString { get; }
    public byte[] LongitudeAsString { get; }

    private static byte[] Number(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new JsonSpanWriter(buffer);
        writer.Double(value);
        return buffer[..writer.Written].ToArray();
    }
}
