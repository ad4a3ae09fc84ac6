using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Ingest.Simulator;

/// <summary>
/// The vehicle values that are composed text (descriptions, codes, image queries, URLs), each spelled once:
/// <see cref="VehicleFactory"/> turns them into strings for the ground truth and <see cref="VehicleRecordWriter"/>
/// writes the same bytes into the page. Composed values are ASCII without quotes or backslashes, so their UTF-8 bytes
/// are also their JSON spelling.
/// </summary>
internal static class VehicleText
{
    public const int MaxComposedLength = 512;

    public const string WarrantyDesc = "5-Year/60,000-Mile Powertrain Limited Warranty";

    public const string MatchLevel = "Exact";

    public static readonly string[] DealerNotes =
    [
        "Ask about our \"No-Haggle\" price!",
        "Trail Rated® and ready: call José or María.",
        "Stock transfer from lot C:\\Yard\\North; allow 2 days.",
        "Café-owned demo, one owner, garage kept.",
        "Includes all-weather mats & cargo tray.",
        "Señor Jeep Days: 0% APR for 60 months*",
        "Price excludes tax, title & $499 doc fee.",
    ];

    public static string VehicleDesc(JeepModelLine line, TrimLevel trim, EngineOption engine) =>
        $"{line.DescPrefix} {trim.DescSuffix}{(IsPlugInHybrid(engine) ? " 4xe" : "")}";

    public static bool IsPlugInHybrid(EngineOption engine) => engine.PowerSource == "Plug-In Hybrid";

    public static string Brand(bool isRam) => isRam ? "Ram" : "Jeep";

    public static string InventoryStatus(VehicleStatus status) => status switch
    {
        VehicleStatus.InTransit => "In Transit",
        VehicleStatus.Reserved => "Reserved",
        _ => "In Stock",
    };

    public static string PackageDesc(string cpp) => $"Customer Preferred Package {cpp}";

    public static string Mpg(int mpg) => $"{mpg.ToString(CultureInfo.InvariantCulture)} MPG";

    public static string Towing(int pounds) => pounds.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string FuelCapacity(decimal gallons) => $"{gallons.ToString(CultureInfo.InvariantCulture)} gal";

    /// <summary><c>{modelYearCode}{modelCode}{A|B|C}</c>.</summary>
    public static int WriteCcode(Span<byte> output, ModelYearCodeSpec spec, TrimLevel trim, in VehicleDetail detail)
    {
        var n = Encoding.ASCII.GetBytes(spec.Code, output);
        n += Encoding.ASCII.GetBytes(trim.ModelCode, output[n..]);
        output[n++] = (byte)('A' + detail.CcodeLetter);
        return n;
    }

    /// <summary><c>J{yy}{serial}</c>.</summary>
    public static int WriteStockNumber(Span<byte> output, ModelYearCodeSpec spec, in VehicleDetail detail)
    {
        output[0] = (byte)'J';
        Utf8Formatter.TryFormat(spec.ModelYear % 100, output[1..], out var year);
        Utf8Formatter.TryFormat(detail.StockSerial, output[(1 + year)..], out var serial);
        return 1 + year + serial;
    }

    /// <summary>The image renderer's query (<c>extImage</c>); <c>intImage</c> appends <see cref="InteriorView"/>.</summary>
    public static int WriteImageQuery(Span<byte> output, ModelYearCodeSpec spec, TrimLevel trim, in VehicleDetail detail)
    {
        var n = Append(output, 0, "client=FCAUS&market=U&brand=J&vehicle="u8);
        Utf8Formatter.TryFormat(spec.ModelYear, output[n..], out var year);
        n += year;
        output[n++] = (byte)'_';
        n += Encoding.ASCII.GetBytes(spec.Line.ImageCode, output[n..]);
        n = Append(output, n, "&paint="u8);
        n += Encoding.ASCII.GetBytes(JeepCatalog.Paints[detail.PaintIndex].Code, output[n..]);
        n = Append(output, n, "&fabric="u8);
        n += Encoding.ASCII.GetBytes(JeepCatalog.Interiors[detail.InteriorIndex].Code, output[n..]);
        n = Append(output, n, "&sa="u8);
        n += Encoding.ASCII.GetBytes(trim.ModelCode, output[n..]);
        output[n++] = (byte)',';
        n += Encoding.ASCII.GetBytes(JeepCatalog.CustomerPreferredPackages[detail.LlpIndex], output[n..]);
        for (var i = 0; i < detail.OptionCount; i++)
        {
            output[n++] = (byte)',';
            n += Encoding.ASCII.GetBytes(JeepCatalog.OptionCodes[detail.OptionCodeIndex(i)], output[n..]);
        }
        return n;
    }

    public static ReadOnlySpan<byte> InteriorView => "&pov=I01"u8;

    public static ReadOnlySpan<byte> VdpUrlPrefix => "/new-inventory/vehicle/"u8;

    /// <summary>Composed text as a string, for the ground truth.</summary>
    public static string ToText(ReadOnlySpan<byte> ascii) => Encoding.ASCII.GetString(ascii);

    private static int Append(Span<byte> output, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(output[at..]);
        return at + text.Length;
    }
}
