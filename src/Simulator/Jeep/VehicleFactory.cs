using System.Globalization;

namespace Ingest.Simulator;

/// <summary>
/// Turns a <see cref="VehicleCore"/> and its <see cref="VehicleDetail"/> into the full <see cref="SimulatedVehicle"/>
/// (the ground truth). The page bytes come from the same detail through <see cref="VehicleRecordWriter"/>.
/// </summary>
internal static class VehicleFactory
{
    public static SimulatedVehicle Create(in VehicleCore core, in VehicleDetail d, SimulatedDealer dealer, double distance)
    {
        var spec = JeepCatalog.Codes[core.CodeIndex];
        var line = spec.Line;
        var trim = line.Trims[core.TrimIndex];
        var engine = line.Engines[core.EngineIndex];
        var transmission = line.Transmissions[d.TransmissionIndex];
        var paint = JeepCatalog.Paints[d.PaintIndex];
        var interior = JeepCatalog.Interiors[d.InteriorIndex];
        var llp = JeepCatalog.CustomerPreferredPackages[d.LlpIndex];
        var cpp = JeepCatalog.CustomerPreferredPackages[d.CppIndex];
        var options = new string[d.OptionCount];
        for (var i = 0; i < options.Length; i++)
        {
            options[i] = JeepCatalog.OptionCodes[d.OptionCodeIndex(i)];
        }
        var incentives = new SimulatedIncentive[d.IncentiveCount];
        for (var i = 0; i < incentives.Length; i++)
        {
            var (id, name) = JeepCatalog.IncentivePrograms[d.IncentiveProgramIndex(i)];
            incentives[i] = new SimulatedIncentive(id, name, d.IncentiveAmount(i), d.IncentiveExpires(i));
        }

        Span<byte> text = stackalloc byte[VehicleText.MaxComposedLength];
        var vin = core.Vin.ToString();
        var ccode = VehicleText.ToText(text[..VehicleText.WriteCcode(text, spec, trim, d)]);
        var images = VehicleText.ToText(text[..VehicleText.WriteImageQuery(text, spec, trim, d)]);
        var stockNumber = d.Has(OptionalField.StockNumber) ? VehicleText.ToText(text[..VehicleText.WriteStockNumber(text, spec, d)]) : null;
        var total = d.Total;

        return new SimulatedVehicle
        {
            Vin = vin,
            ModelYearCode = spec.Code,
            ModelYear = spec.ModelYear,
            VehicleDesc = VehicleText.VehicleDesc(line, trim, engine),
            Brand = VehicleText.Brand(d.IsRam),
            Ccode = ccode,
            Llp = llp,
            StatusCode = JeepCatalog.StatusCodes[d.StatusCodeIndex],
            DealerCode = dealer.DealerCode,
            DealerZipCode = d.Spelling.NineDigitZip && dealer.DealerZipCode.Length == 9 ? dealer.DealerZipCode : dealer.Zip5,
            Lat = dealer.Location.Latitude,
            Lon = dealer.Location.Longitude,
            EngineDesc = engine.Description,
            EngineCode = engine.Code,
            TransmissionDesc = transmission.Description,
            TransmissionCode = transmission.Code,
            ExteriorColorDesc = paint.Description,
            ExteriorColorCode = paint.Code,
            ExteriorColorHex = d.Has(OptionalField.ExteriorColorHex) ? paint.Hex : null,
            InteriorColorDesc = interior.ColorDesc,
            InteriorColorCode = interior.Code,
            InteriorFabric = d.Has(OptionalField.InteriorFabric) ? interior.Fabric : null,
            Options = options,
            Msrp = d.Has(OptionalField.Msrp) ? d.Msrp : null,
            Destination = d.Has(OptionalField.Destination) ? d.Destination : null,
            NetPrice = d.Has(OptionalField.NetPrice) ? d.NetPrice : null,
            EmployeePrice = d.Has(OptionalField.EmployeePrice) ? d.EmployeePrice : null,
            DiscountedPrice = d.Has(OptionalField.DiscountedPrice) ? d.DiscountedPrice : null,
            Drive = trim.Drive,
            RealTrim = trim.Name,
            PowerSource = engine.PowerSource,
            Doors = trim.Doors,
            Seats = trim.Seats,
            FuelCapacity = d.HasFuelCapacity(line) ? line.FuelCapacityGallons : null,
            ExtImage = images,
            IntImage = images + VehicleText.ToText(VehicleText.InteriorView),
            MatchLevel = VehicleText.MatchLevel,
            ConsumerFamily = line.ConsumerFamily,
            MackevisionUlp = cpp,
            MackevisionLlp = llp,
            AssumedModelYearCode = d.Has(OptionalField.AssumedModelYearCode) ? spec.Code : null,
            StockNumber = stockNumber,
            Distance = distance,
            InTransit = d.Has(OptionalField.InTransit) ? d.InTransit : null,
            InventoryStatus = VehicleText.InventoryStatus(d.Status),
            ModelCode = trim.ModelCode,
            Cpp = cpp,
            Incentives = d.Has(OptionalField.Incentives) ? incentives : null,
            Mileage = d.Has(OptionalField.Mileage) ? d.Mileage : null,
            CityMpg = d.Has(OptionalField.CityMpg) && engine.CityMpg > 0 ? engine.CityMpg : null,
            HighwayMpg = d.Has(OptionalField.HighwayMpg) && engine.HighwayMpg > 0 ? engine.HighwayMpg : null,
            Horsepower = d.Has(OptionalField.Horsepower) ? engine.Horsepower : null,
            Torque = d.Has(OptionalField.Torque) ? engine.Torque : null,
            TowingCapacity = d.Has(OptionalField.TowingCapacity) ? line.TowingLbs : null,
            Wheelbase = d.Has(OptionalField.Wheelbase) ? line.Wheelbase : null,
            EvRange = d.Has(OptionalField.EvRange) ? engine.ElectricRangeMiles : null,
            BodyStyle = line.BodyStyle,
            FuelType = engine.FuelType,
            TrimDesc = trim.Name,
            ModelDesc = line.ModelName,
            PackageDesc = d.Has(OptionalField.PackageDesc) ? VehicleText.PackageDesc(cpp) : null,
            WarrantyDesc = d.Has(OptionalField.WarrantyDesc) ? VehicleText.WarrantyDesc : null,
            DealerNotes = d.DealerNoteIndex >= 0 ? VehicleText.DealerNotes[d.DealerNoteIndex] : null,
            VdpUrl = VehicleText.ToText(VehicleText.VdpUrlPrefix) + vin,
            DateInStock = d.HasDateInStock ? d.DateInStock : null,
            EstimatedDeliveryDate = d.HasEstimatedDelivery ? d.EstimatedDeliveryDate : null,
            ProductionDate = d.Has(OptionalField.ProductionDate) ? d.ProductionDate : null,
            LastUpdated = new DateTimeOffset(d.LastUpdated, TimeSpan.Zero),
            IsDemo = d.Has(OptionalField.IsDemo) ? d.IsDemo : null,
            HasOnlinePrice = d.Has(OptionalField.HasOnlinePrice) ? d.HasOnlinePrice : null,
            Spelling = d.Spelling,
        };
    }

    public static string FormatAmount(decimal amount, NumberSpelling spelling) => spelling switch
    {
        NumberSpelling.Currency => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        _ => amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
    };
}
