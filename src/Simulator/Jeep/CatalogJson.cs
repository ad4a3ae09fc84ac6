using System.Globalization;
using System.Text;

namespace Ingest.Simulator;

/// <summary>
/// The catalogue's values pre-encoded as JSON once per process, so a page writes a vehicle's constant text by copying
/// bytes. Built from the same <see cref="JeepCatalog"/> entries and <see cref="VehicleText"/> spellings as the
/// ground truth; per model-year code (index into <see cref="JeepCatalog.Codes"/>) and per catalogue list.
/// </summary>
internal sealed class CatalogJson
{
    public static CatalogJson Instance { get; } = new();

    private CatalogJson()
    {
        Codes = JeepCatalog.Codes.Select(spec => new CodeJson(spec)).ToArray();
        PaintDescriptions = JeepCatalog.Paints.Select(p => new JsonTextValue(p.Description)).ToArray();
        PaintCodes = JeepCatalog.Paints.Select(p => JsonText.Quoted(p.Code)).ToArray();
        PaintHexes = JeepCatalog.Paints.Select(p => JsonText.Quoted(p.Hex)).ToArray();
        InteriorColors = JeepCatalog.Interiors.Select(i => new JsonTextValue(i.ColorDesc)).ToArray();
        InteriorCodes = JeepCatalog.Interiors.Select(i => JsonText.Quoted(i.Code)).ToArray();
        InteriorFabrics = JeepCatalog.Interiors.Select(i => new JsonTextValue(i.Fabric)).ToArray();
        Packages = JeepCatalog.CustomerPreferredPackages.Select(JsonText.Quoted).ToArray();
        PackageDescriptions = JeepCatalog.CustomerPreferredPackages.Select(cpp => JsonText.Quoted(VehicleText.PackageDesc(cpp))).ToArray();
        StatusCodes = JeepCatalog.StatusCodes.Select(JsonText.Quoted).ToArray();
        OptionCodes = JeepCatalog.OptionCodes.Select(JsonText.Quoted).ToArray();
        IncentiveIds = JeepCatalog.IncentivePrograms.Select(p => JsonText.Quoted(p.ProgramId)).ToArray();
        IncentiveNames = JeepCatalog.IncentivePrograms.Select(p => JsonText.Quoted(p.Name)).ToArray();
        DealerNotes = VehicleText.DealerNotes.Select(n => new JsonTextValue(n)).ToArray();
        Statuses = Enum.GetValues<VehicleStatus>().Select(s => JsonText.Quoted(VehicleText.InventoryStatus(s))).ToArray();
        Brands = [JsonText.Quoted(VehicleText.Brand(false)), JsonText.Quoted(VehicleText.Brand(true))];
        WarrantyDesc = JsonText.Quoted(VehicleText.WarrantyDesc);
        MatchLevel = JsonText.Quoted(VehicleText.MatchLevel);
    }

    public CodeJson[] Codes { get; }
    public JsonTextValue[] PaintDescriptions { get; }
    public byte[][] PaintCodes { get; }
    public byte[][] PaintHexes { get; }
    public JsonTextValue[] InteriorColors { get; }
    public byte[][] InteriorCodes { get; }
    public JsonTextValue[] InteriorFabrics { get; }
    public byte[][] Packages { get; }
    public byte[][] PackageDescriptions { get; }
    public byte[][] StatusCodes { get; }
    public byte[][] OptionCodes { get; }
    public byte[][] IncentiveIds { get; }
    public byte[][] IncentiveNames { get; }
    public JsonTextValue[] DealerNotes { get; }
    /// <summary>Indexed by <see cref="VehicleStatus"/>.</summary>
    public byte[][] Statuses { get; }
    /// <summary>[0] Jeep, [1] Ram.</summary>
    public byte[][] Brands { get; }
    public byte[] WarrantyDesc { get; }
    public byte[] MatchLevel { get; }

    /// <summary>One model-year code's line, trims, engines and transmissions as JSON values.</summary>
    internal sealed class CodeJson
    {
        public CodeJson(ModelYearCodeSpec spec)
        {
            var line = spec.Line;
            ModelYear = Encoding.ASCII.GetBytes(spec.ModelYear.ToString(CultureInfo.InvariantCulture));
            ModelYearAsString = JsonText.Quoted(spec.ModelYear.ToString(CultureInfo.InvariantCulture));
            Code = JsonText.Quoted(spec.Code);
            ConsumerFamily = JsonText.Quoted(line.ConsumerFamily);
            ModelName = JsonText.Quoted(line.ModelName);
            BodyStyle = JsonText.Quoted(line.BodyStyle);
            Towing = JsonText.Quoted(VehicleText.Towing(line.TowingLbs));
            FuelCapacity = JsonText.Quoted(VehicleText.FuelCapacity(line.FuelCapacityGallons));
            TrimNames = line.Trims.Select(t => JsonText.Quoted(t.Name)).ToArray();
            ModelCodes = line.Trims.Select(t => JsonText.Quoted(t.ModelCode)).ToArray();
            Drives = line.Trims.Select(t => JsonText.Quoted(t.Drive)).ToArray();
            Doors = line.Trims.Select(t => JsonText.Quoted(t.Doors.ToString(CultureInfo.InvariantCulture))).ToArray();
            VehicleDescs = line.Trims.Select(t => line.Engines.Select(e => JsonText.Quoted(VehicleText.VehicleDesc(line, t, e))).ToArray()).ToArray();
            EngineDescs = line.Engines.Select(e => JsonText.Quoted(e.Description)).ToArray();
            EngineCodes = line.Engines.Select(e => JsonText.Quoted(e.Code)).ToArray();
            PowerSources = line.Engines.Select(e => JsonText.Quoted(e.PowerSource)).ToArray();
            FuelTypes = line.Engines.Select(e => JsonText.Quoted(e.FuelType)).ToArray();
            Horsepowers = line.Engines.Select(e => JsonText.Quoted(e.Horsepower.ToString(CultureInfo.InvariantCulture))).ToArray();
            CityMpgs = line.Engines.Select(e => e.CityMpg > 0 ? JsonText.Quoted(VehicleText.Mpg(e.CityMpg)) : null).ToArray();
            HighwayMpgs = line.Engines.Select(e => e.HighwayMpg > 0 ? JsonText.Quoted(VehicleText.Mpg(e.HighwayMpg)) : null).ToArray();
            TransmissionDescs = line.Transmissions.Select(t => JsonText.Quoted(t.Description)).ToArray();
            TransmissionCodes = line.Transmissions.Select(t => JsonText.Quoted(t.Code)).ToArray();
        }

        public byte[] ModelYear { get; }
        public byte[] ModelYearAsString { get; }
        public byte[] Code { get; }
        public byte[] ConsumerFamily { get; }
        public byte[] ModelName { get; }
        public byte[] BodyStyle { get; }
        public byte[] Towing { get; }
        public byte[] FuelCapacity { get; }
        public byte[][] TrimNames { get; }
        public byte[][] ModelCodes { get; }
        public byte[][] Drives { get; }
        public byte[][] Doors { get; }
        /// <summary>[trim][engine].</summary>
        public byte[][][] VehicleDescs { get; }
        public byte[][] EngineDescs { get; }
        public byte[][] EngineCodes { get; }
        public byte[][] PowerSources { get; }
        public byte[][] FuelTypes { get; }
        public byte[][] Horsepowers { get; }
        /// <summary>Null for engines without a figure (electric).</summary>
        public byte[]?[] CityMpgs { get; }
        public byte[]?[] HighwayMpgs { get; }
        public byte[][] TransmissionDescs { get; }
        public byte[][] TransmissionCodes { get; }
    }
}
