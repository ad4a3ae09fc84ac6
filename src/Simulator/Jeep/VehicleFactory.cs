using System.Globalization;

namespace Ingest.Simulator;

/// <summary>
/// Turns a <see cref="VehicleCore"/> and a day into the full <see cref="SimulatedVehicle"/>: every other field is
/// drawn from its own random stream keyed by (seed, slot, generation), so a vehicle is the same every day it is on
/// the lot except for its price, which follows the slot's price epoch.
/// </summary>
internal static class VehicleFactory
{
    private const double NullRate = 0.10;

    private static readonly string[] DealerNotes =
    [
        "Ask about our \"No-Haggle\" price!",
        "Trail Rated® and ready: call José or María.",
        "Stock transfer from lot C:\\Yard\\North; allow 2 days.",
        "Café-owned demo, one owner, garage kept.",
        "Includes all-weather mats & cargo tray.",
        "Señor Jeep Days: 0% APR for 60 months*",
        "Price excludes tax, title & $499 doc fee.",
    ];

    public static SimulatedVehicle Create(int seed, in VehicleCore core, int day, VehicleLifecycle lifecycle, DealerNetwork network, double distance)
    {
        var spec = JeepCatalog.Codes[core.CodeIndex];
        var line = spec.Line;
        var trim = line.Trims[core.TrimIndex];
        var engine = line.Engines[core.EngineIndex];
        var dealer = network.Dealers[core.DealerIndex];
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleDetail, (ulong)core.Slot, (ulong)core.Generation);
        var spelling = CreateSpelling(seed, core);

        var slot = core.Slot;
        var generation = core.Generation;
        bool Has(OptionalField field) => !IsNull(seed, slot, generation, field);

        var transmission = line.Transmissions[random.Next(line.Transmissions.Length)];
        var paint = JeepCatalog.Paints[random.Next(JeepCatalog.Paints.Count)];
        var interior = JeepCatalog.Interiors[random.Next(JeepCatalog.Interiors.Count)];
        var llp = JeepCatalog.CustomerPreferredPackages[random.Next(JeepCatalog.CustomerPreferredPackages.Count)];
        var cpp = JeepCatalog.CustomerPreferredPackages[random.Next(JeepCatalog.CustomerPreferredPackages.Count)];
        var options = PickOptions(ref random);
        var isPhev = engine.PowerSource == "Plug-In Hybrid";
        var vehicleDesc = $"{line.DescPrefix} {trim.DescSuffix}{(isPhev ? " 4xe" : "")}";
        var vin = core.Vin.ToString();
        var ccode = spec.Code + trim.ModelCode + (char)('A' + random.Next(3));

        // Prices: msrp from trim, engine and options; the discount follows the slot's price epoch.
        var msrp = trim.BaseMsrp + core.EngineIndex * 2500m + options.Length * 395m + (paint.Code is "PW7" or "PX8" ? 0m : 495m);
        var arrivalDay = lifecycle.ArrivalDay(day);
        var inTransit = random.Chance(0.08);
        var incentives = CreateIncentives(ref random, VehicleLifecycle.DateOf(arrivalDay));
        var incentiveTotal = incentives.Sum(i => i.Amount);
        var priceRandom = new SimRandom((ulong)seed, RandomStreams.Price, (ulong)core.Slot, (ulong)(core.Generation * 1000L + lifecycle.PriceEpoch(day)));
        var discount = Math.Round(msrp * (decimal)(0.01 + 0.09 * priceRandom.NextDouble()) / 50m) * 50m;
        var total = msrp + line.Destination;
        var lastUpdated = new DateTimeOffset(VehicleLifecycle.DateOf(lifecycle.PriceEpochStartDay(day)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .AddSeconds(priceRandom.Next(6 * 3600, 22 * 3600));

        var images = $"client=FCAUS&market=U&brand=J&vehicle={spec.ModelYear}_{line.ImageCode}&paint={paint.Code}&fabric={interior.Code}&sa={trim.ModelCode},{llp},{string.Join(',', options)}";
        var status = inTransit ? "In Transit" : random.Chance(0.04) ? "Reserved" : "In Stock";

        return new SimulatedVehicle
        {
            Vin = vin,
            ModelYearCode = spec.Code,
            ModelYear = spec.ModelYear,
            VehicleDesc = vehicleDesc,
            Brand = random.Chance(0.005) ? "Ram" : "Jeep",
            Ccode = ccode,
            Llp = llp,
            StatusCode = JeepCatalog.StatusCodes[random.Next(JeepCatalog.StatusCodes.Count)],
            DealerCode = dealer.DealerCode,
            DealerZipCode = spelling.NineDigitZip && dealer.DealerZipCode.Length == 9 ? dealer.DealerZipCode : dealer.Zip5,
            Lat = dealer.Location.Latitude,
            Lon = dealer.Location.Longitude,
            EngineDesc = engine.Description,
            EngineCode = engine.Code,
            TransmissionDesc = transmission.Description,
            TransmissionCode = transmission.Code,
            ExteriorColorDesc = paint.Description,
            ExteriorColorCode = paint.Code,
            ExteriorColorHex = Has(OptionalField.ExteriorColorHex) ? paint.Hex : null,
            InteriorColorDesc = interior.ColorDesc,
            InteriorColorCode = interior.Code,
            InteriorFabric = Has(OptionalField.InteriorFabric) ? interior.Fabric : null,
            Options = options,
            Msrp = Has(OptionalField.Msrp) ? msrp : null,
            Destination = Has(OptionalField.Destination) ? line.Destination : null,
            NetPrice = Has(OptionalField.NetPrice) ? total - incentiveTotal : null,
            EmployeePrice = Has(OptionalField.EmployeePrice) ? Math.Round(total * 0.94m, 2) : null,
            DiscountedPrice = Has(OptionalField.DiscountedPrice) ? total - discount - incentiveTotal : null,
            Drive = trim.Drive,
            RealTrim = trim.Name,
            PowerSource = engine.PowerSource,
            Doors = trim.Doors,
            Seats = trim.Seats,
            FuelCapacity = Has(OptionalField.FuelCapacity) && line.FuelCapacityGallons > 0 ? line.FuelCapacityGallons : null,
            ExtImage = images,
            IntImage = images + "&pov=I01",
            MatchLevel = "Exact",
            ConsumerFamily = line.ConsumerFamily,
            MackevisionUlp = cpp,
            MackevisionLlp = llp,
            AssumedModelYearCode = Has(OptionalField.AssumedModelYearCode) ? spec.Code : null,
            StockNumber = Has(OptionalField.StockNumber) ? $"J{spec.ModelYear % 100}{random.Next(1000, 99999)}" : null,
            Distance = Math.Round(distance, 2),
            InTransit = Has(OptionalField.InTransit) ? inTransit : null,
            InventoryStatus = status,
            ModelCode = trim.ModelCode,
            Cpp = cpp,
            Incentives = Has(OptionalField.Incentives) ? incentives : null,
            Mileage = Has(OptionalField.Mileage) ? random.Next(0, 40) : null,
            CityMpg = Has(OptionalField.CityMpg) && engine.CityMpg > 0 ? engine.CityMpg : null,
            HighwayMpg = Has(OptionalField.HighwayMpg) && engine.HighwayMpg > 0 ? engine.HighwayMpg : null,
            Horsepower = Has(OptionalField.Horsepower) ? engine.Horsepower : null,
            Torque = Has(OptionalField.Torque) ? engine.Torque : null,
            TowingCapacity = Has(OptionalField.TowingCapacity) ? line.TowingLbs : null,
            Wheelbase = Has(OptionalField.Wheelbase) ? line.Wheelbase : null,
            EvRange = Has(OptionalField.EvRange) ? engine.ElectricRangeMiles : null,
            BodyStyle = line.BodyStyle,
            FuelType = engine.FuelType,
            TrimDesc = trim.Name,
            ModelDesc = line.ModelName,
            PackageDesc = Has(OptionalField.PackageDesc) ? $"Customer Preferred Package {cpp}" : null,
            WarrantyDesc = Has(OptionalField.WarrantyDesc) ? "5-Year/60,000-Mile Powertrain Limited Warranty" : null,
            DealerNotes = random.Chance(0.6) && Has(OptionalField.DealerNotes) ? DealerNotes[random.Next(DealerNotes.Length)] : null,
            VdpUrl = $"/new-inventory/vehicle/{vin}",
            DateInStock = !inTransit && Has(OptionalField.DateInStock) ? VehicleLifecycle.DateOf(arrivalDay) : null,
            EstimatedDeliveryDate = inTransit && Has(OptionalField.EstimatedDeliveryDate) ? VehicleLifecycle.DateOf(arrivalDay + 7 + random.Next(24)) : null,
            ProductionDate = Has(OptionalField.ProductionDate) ? VehicleLifecycle.DateOf(arrivalDay - 20 - random.Next(40)) : null,
            LastUpdated = lastUpdated,
            IsDemo = Has(OptionalField.IsDemo) ? random.Chance(0.03) : null,
            HasOnlinePrice = Has(OptionalField.HasOnlinePrice) ? random.Chance(0.8) : null,
            Spelling = spelling,
        };
    }

    /// <summary>Roughly one optional field in ten is null (or absent) on a given vehicle.</summary>
    private static bool IsNull(int seed, int slot, int generation, OptionalField field) =>
        (SimRandom.Hash((ulong)seed, (ulong)slot, (ulong)generation, 100 + (ulong)field) % 1000) < NullRate * 1000;

    private static VehicleSpelling CreateSpelling(int seed, in VehicleCore core)
    {
        var random = new SimRandom((ulong)seed, RandomStreams.VehicleSpelling, (ulong)core.Slot, (ulong)core.Generation);
        var prices = random.Next(10) switch { < 6 => NumberSpelling.Number, < 9 => NumberSpelling.Formatted, _ => NumberSpelling.Currency };
        var incentives = random.Chance(0.5) ? NumberSpelling.Number : NumberSpelling.Formatted;
        // Half of the null optional fields are left out instead of written as null.
        var absent = (uint)random.NextUInt64();
        return new VehicleSpelling(prices, incentives, absent, random.Chance(0.3), random.Chance(0.7), random.Chance(0.5));
    }

    private static string[] PickOptions(ref SimRandom random)
    {
        var count = random.Next(2, 9);
        var picked = new string[count];
        var offset = random.Next(JeepCatalog.OptionCodes.Count);
        var step = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            picked[i] = JeepCatalog.OptionCodes[(offset + i * step) % JeepCatalog.OptionCodes.Count];
        }
        return picked;
    }

    private static SimulatedIncentive[] CreateIncentives(ref SimRandom random, DateOnly arrival)
    {
        var count = random.Next(10) switch { < 3 => 0, < 7 => 1, < 9 => 2, _ => 3 };
        var incentives = new SimulatedIncentive[count];
        var first = random.Next(JeepCatalog.IncentivePrograms.Count);
        for (var i = 0; i < count; i++)
        {
            var (id, name) = JeepCatalog.IncentivePrograms[(first + i) % JeepCatalog.IncentivePrograms.Count];
            // Expiry is the end of the month after the vehicle's arrival month, so it does not move day to day.
            var month = new DateOnly(arrival.Year, arrival.Month, 1).AddMonths(1 + random.Next(2));
            incentives[i] = new SimulatedIncentive(id, name, 250m * random.Next(1, 17), month.AddDays(-1));
        }
        return incentives;
    }

    public static string FormatAmount(decimal amount, NumberSpelling spelling) => spelling switch
    {
        NumberSpelling.Currency => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
        _ => amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
    };
}
