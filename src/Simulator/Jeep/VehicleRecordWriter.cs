using System.Globalization;

namespace Ingest.Simulator;

/// <summary>
/// Writes one vehicle record straight from its <see cref="VehicleCore"/> and <see cref="VehicleDetail"/>, in the
/// vehicle's own spelling and optionally drifted, without building a <see cref="SimulatedVehicle"/>: constant text is
/// copied from <see cref="CatalogJson"/> and <see cref="DealerJson"/>, numbers and dates are formatted in place.
/// The bytes equal what <see cref="System.Text.Json.Utf8JsonWriter"/> writes for the ground truth (tests compare them).
/// </summary>
internal static class VehicleRecordWriter
{
    /// <summary>More than the largest record (about 3 KB with every field present and escaped).</summary>
    public const int MaxRecordBytes = 16 * 1024;

    public static int Write(Span<byte> output, in VehicleCore core, in VehicleDetail d, DealerJson dealer, double distance, SchemaDriftKind drift)
    {
        var catalog = CatalogJson.Instance;
        var spec = JeepCatalog.Codes[core.CodeIndex];
        var code = catalog.Codes[core.CodeIndex];
        var line = spec.Line;
        var trim = line.Trims[core.TrimIndex];
        var engine = line.Engines[core.EngineIndex];
        var s = d.Spelling;
        var escape = s.EscapeNonAscii;
        var numbersAsStrings = drift == SchemaDriftKind.NumberAsString;
        var w = new JsonSpanWriter(output);

        Span<byte> vin = stackalloc byte[17];
        core.Vin.Write(vin);
        w.Raw("{\"vin\":"u8);
        w.Quoted(vin);
        w.Raw(",\"modelYear\":"u8);
        w.Raw(numbersAsStrings ? code.ModelYearAsString : code.ModelYear);
        w.Raw(",\"vehicleDesc\":"u8);
        w.Raw(code.VehicleDescs[core.TrimIndex][core.EngineIndex]);
        w.Raw(",\"brand\":"u8);
        w.Raw(catalog.Brands[d.IsRam ? 1 : 0]);
        Span<byte> text = stackalloc byte[VehicleText.MaxComposedLength];
        w.Raw(",\"ccode\":"u8);
        w.Quoted(text[..VehicleText.WriteCcode(text, spec, trim, d)]);
        w.Raw(",\"llp\":"u8);
        w.Raw(catalog.Packages[d.LlpIndex]);
        w.Raw(",\"statusCode\":"u8);
        w.Raw(catalog.StatusCodes[d.StatusCodeIndex]);
        w.Raw(",\"dealerCode\":"u8);
        w.Raw(dealer.Code);
        w.Raw(",\"dealerZipCode\":"u8);
        w.Raw(s.NineDigitZip ? dealer.Zip9 : dealer.Zip5);
        w.Raw(",\"lat\":"u8);
        w.Raw(numbersAsStrings ? dealer.LatitudeAsString : dealer.Latitude);
        w.Raw(",\"lon\":"u8);
        w.Raw(numbersAsStrings ? dealer.LongitudeAsString : dealer.Longitude);
        w.Raw(",\"engineDesc\":"u8);
        w.Raw(code.EngineDescs[core.EngineIndex]);
        w.Raw(",\"engineCode\":"u8);
        w.Raw(code.EngineCodes[core.EngineIndex]);
        w.Raw(",\"transmissionDesc\":"u8);
        w.Raw(code.TransmissionDescs[d.TransmissionIndex]);
        w.Raw(",\"transmissionCode\":"u8);
        w.Raw(code.TransmissionCodes[d.TransmissionIndex]);
        w.Raw(",\"exteriorColorDesc\":"u8);
        w.Raw(catalog.PaintDescriptions[d.PaintIndex].For(escape));
        if (drift != SchemaDriftKind.MissingField)
        {
            w.Raw(",\"exteriorColorCode\":"u8);
            w.Raw(catalog.PaintCodes[d.PaintIndex]);
        }
        Optional(ref w, ",\"exteriorColorHex\":"u8, d.Has(OptionalField.ExteriorColorHex) ? catalog.PaintHexes[d.PaintIndex] : null, OptionalField.ExteriorColorHex, s);
        w.Raw(",\"interiorColorDesc\":"u8);
        w.Raw(catalog.InteriorColors[d.InteriorIndex].For(escape));
        w.Raw(",\"interiorColorCode\":"u8);
        w.Raw(catalog.InteriorCodes[d.InteriorIndex]);
        Optional(ref w, ",\"interiorFabric\":"u8, d.Has(OptionalField.InteriorFabric) ? catalog.InteriorFabrics[d.InteriorIndex].For(escape) : null, OptionalField.InteriorFabric, s);

        w.Raw(",\"options\":["u8);
        for (var i = 0; i < d.OptionCount; i++)
        {
            if (i > 0) w.Byte((byte)',');
            w.Raw(catalog.OptionCodes[d.OptionCodeIndex(i)]);
        }
        w.Raw("],\"price\":{"u8);
        var first = true;
        Amount(ref w, ref first, "\"msrp\":"u8, d.Msrp, OptionalField.Msrp, d, numbersAsStrings);
        Amount(ref w, ref first, "\"destination\":"u8, d.Destination, OptionalField.Destination, d, numbersAsStrings);
        Amount(ref w, ref first, "\"netPrice\":"u8, d.Has(OptionalField.NetPrice) ? d.NetPrice : 0m, OptionalField.NetPrice, d, numbersAsStrings);
        Amount(ref w, ref first, "\"employeePrice\":"u8, d.Has(OptionalField.EmployeePrice) ? d.EmployeePrice : 0m, OptionalField.EmployeePrice, d, numbersAsStrings);
        Amount(ref w, ref first, "\"discountedPrice\":"u8, d.Has(OptionalField.DiscountedPrice) ? d.DiscountedPrice : 0m, OptionalField.DiscountedPrice, d, numbersAsStrings);

        w.Raw("},\"attributes\":{\"attributes\":[{\"typeId\":1,\"typeDesc\":\"Drive\",\"value\":"u8);
        w.Raw(code.Drives[core.TrimIndex]);
        w.Raw("},{\"typeId\":5,\"typeDesc\":\"Real Trim\",\"value\":"u8);
        w.Raw(code.TrimNames[core.TrimIndex]);
        w.Raw("},{\"typeId\":1001,\"typeDesc\":\"Power Source\",\"value\":"u8);
        w.Raw(code.PowerSources[core.EngineIndex]);
        w.Raw("},{\"typeId\":7,\"typeDesc\":\"Doors\",\"value\":"u8);
        w.Raw(code.Doors[core.TrimIndex]);
        w.Raw("}]},\"specs\":{\"attributes\":[{\"name\":\"Seats\",\"value\":"u8);
        w.Int(trim.Seats);
        w.Byte((byte)'}');
        if (d.HasFuelCapacity(line))
        {
            w.Raw(",{\"name\":\"Fuel Capacity\",\"value\":"u8);
            w.Raw(code.FuelCapacity);
            w.Byte((byte)'}');
        }

        var imageLength = VehicleText.WriteImageQuery(text, spec, trim, d);
        w.Raw("]},\"extImage\":"u8);
        w.Quoted(text[..imageLength]);
        w.Raw(",\"intImage\":\""u8);
        w.Raw(text[..imageLength]);
        w.Raw(VehicleText.InteriorView);
        w.Raw("\",\"match\":{\"matchLevel\":"u8);
        w.Raw(catalog.MatchLevel);
        w.Raw("},\"mackevisionData\":{\"consumerFamily\":"u8);
        w.Raw(code.ConsumerFamily);
        w.Raw(",\"ulp\":"u8);
        w.Raw(catalog.Packages[d.CppIndex]);
        w.Raw(",\"llp\":"u8);
        w.Raw(catalog.Packages[d.LlpIndex]);
        w.Byte((byte)'}');
        Optional(ref w, ",\"assumedModelYearCode\":"u8, d.Has(OptionalField.AssumedModelYearCode) ? code.Code : null, OptionalField.AssumedModelYearCode, s);
        if (d.Has(OptionalField.StockNumber))
        {
            w.Raw(",\"stockNumber\":"u8);
            w.Quoted(text[..VehicleText.WriteStockNumber(text, spec, d)]);
        }
        else Null(ref w, ",\"stockNumber\":"u8, OptionalField.StockNumber, s);
        w.Raw(",\"distance\":"u8);
        if (numbersAsStrings) w.Text(distance.ToString("R", CultureInfo.InvariantCulture));
        else w.Double(distance);
        Bool(ref w, ",\"inTransit\":"u8, d.InTransit, OptionalField.InTransit, d);
        w.Raw(",\"inventoryStatus\":"u8);
        w.Raw(catalog.Statuses[(int)d.Status]);
        w.Raw(",\"modelCode\":"u8);
        w.Raw(code.ModelCodes[core.TrimIndex]);
        w.Raw(",\"cpp\":"u8);
        w.Raw(catalog.Packages[d.CppIndex]);
        Incentives(ref w, d);
        Int(ref w, ",\"mileage\":"u8, d.Mileage, d.Has(OptionalField.Mileage), OptionalField.Mileage, s, numbersAsStrings);
        Optional(ref w, ",\"cityMpg\":"u8, d.Has(OptionalField.CityMpg) ? code.CityMpgs[core.EngineIndex] : null, OptionalField.CityMpg, s);
        Optional(ref w, ",\"highwayMpg\":"u8, d.Has(OptionalField.HighwayMpg) ? code.HighwayMpgs[core.EngineIndex] : null, OptionalField.HighwayMpg, s);
        Optional(ref w, ",\"horsepower\":"u8, d.Has(OptionalField.Horsepower) ? code.Horsepowers[core.EngineIndex] : null, OptionalField.Horsepower, s);
        Int(ref w, ",\"torque\":"u8, engine.Torque, d.Has(OptionalField.Torque), OptionalField.Torque, s, numbersAsStrings);
        Optional(ref w, ",\"towingCapacity\":"u8, d.Has(OptionalField.TowingCapacity) ? code.Towing : null, OptionalField.TowingCapacity, s);
        if (d.Has(OptionalField.Wheelbase))
        {
            w.Raw(",\"wheelbase\":"u8);
            w.Decimal(line.Wheelbase);
        }
        else Null(ref w, ",\"wheelbase\":"u8, OptionalField.Wheelbase, s);
        var evRange = engine.ElectricRangeMiles;
        Int(ref w, ",\"evRange\":"u8, evRange ?? 0, evRange is not null && d.Has(OptionalField.EvRange), OptionalField.EvRange, s, numbersAsStrings);
        w.Raw(",\"bodyStyle\":"u8);
        w.Raw(code.BodyStyle);
        w.Raw(",\"fuelType\":"u8);
        w.Raw(code.FuelTypes[core.EngineIndex]);
        w.Raw(",\"trimDesc\":"u8);
        w.Raw(code.TrimNames[core.TrimIndex]);
        w.Raw(",\"modelDesc\":"u8);
        w.Raw(code.ModelName);
        Optional(ref w, ",\"packageDesc\":"u8, d.Has(OptionalField.PackageDesc) ? catalog.PackageDescriptions[d.CppIndex] : null, OptionalField.PackageDesc, s);
        Optional(ref w, ",\"warrantyDesc\":"u8, d.Has(OptionalField.WarrantyDesc) ? catalog.WarrantyDesc : null, OptionalField.WarrantyDesc, s);
        Optional(ref w, ",\"dealerNotes\":"u8, d.DealerNoteIndex >= 0 ? catalog.DealerNotes[d.DealerNoteIndex].For(escape) : null, OptionalField.DealerNotes, s);
        w.Raw(",\"vdpUrl\":\""u8);
        w.Raw(VehicleText.VdpUrlPrefix);
        w.Raw(vin);
        w.Byte((byte)'"');
        if (d.HasDateInStock)
        {
            w.Raw(",\"dateInStock\":"u8);
            w.IsoDate(d.DateInStock);
        }
        else Null(ref w, ",\"dateInStock\":"u8, OptionalField.DateInStock, s);
        if (d.HasEstimatedDelivery)
        {
            w.Raw(",\"estimatedDeliveryDate\":"u8);
            if (s.UsDeliveryDate) w.UsDate(d.EstimatedDeliveryDate);
            else w.IsoDate(d.EstimatedDeliveryDate);
        }
        else Null(ref w, ",\"estimatedDeliveryDate\":"u8, OptionalField.EstimatedDeliveryDate, s);
        if (d.Has(OptionalField.ProductionDate))
        {
            w.Raw(",\"productionDate\":"u8);
            w.UsDate(d.ProductionDate);
        }
        else Null(ref w, ",\"productionDate\":"u8, OptionalField.ProductionDate, s);
        w.Raw(",\"lastUpdated\":"u8);
        w.UtcTimestamp(d.LastUpdated);
        Optional(ref w, ",\"isDemo\":"u8, d.Has(OptionalField.IsDemo) ? (d.IsDemo ? "\"Y\""u8 : "\"N\""u8) : default, OptionalField.IsDemo, s);
        Bool(ref w, ",\"hasOnlinePrice\":"u8, d.HasOnlinePrice, OptionalField.HasOnlinePrice, d);
        if (drift == SchemaDriftKind.ExtraField)
        {
            w.Raw(",\"rebateEligibility\":{\"code\":\"RB1\",\"eligible\":true},\"simUnexpected\":\"added by upstream without notice\""u8);
        }
        w.Byte((byte)'}');
        return w.Written;
    }

    /// <summary>A present value (already a JSON value), else null or nothing as the vehicle spells a missing field.</summary>
    private static void Optional(ref JsonSpanWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, OptionalField field, VehicleSpelling s)
    {
        if (value.Length > 0)
        {
            w.Raw(name);
            w.Raw(value);
        }
        else Null(ref w, name, field, s);
    }

    private static void Null(ref JsonSpanWriter w, ReadOnlySpan<byte> name, OptionalField field, VehicleSpelling s)
    {
        if (!s.IsAbsent(field))
        {
            w.Raw(name);
            w.Raw("null"u8);
        }
    }

    private static void Bool(ref JsonSpanWriter w, ReadOnlySpan<byte> name, bool value, OptionalField field, in VehicleDetail d)
    {
        if (d.Has(field))
        {
            w.Raw(name);
            w.Raw(value ? "true"u8 : "false"u8);
        }
        else Null(ref w, name, field, d.Spelling);
    }

    private static void Int(ref JsonSpanWriter w, ReadOnlySpan<byte> name, int value, bool present, OptionalField field, VehicleSpelling s, bool asString)
    {
        if (!present)
        {
            Null(ref w, name, field, s);
            return;
        }
        w.Raw(name);
        if (asString)
        {
            w.Byte((byte)'"');
            w.Int(value);
            w.Byte((byte)'"');
        }
        else w.Int(value);
    }

    /// <summary>A member of <c>price</c> (no leading comma before the first one written).</summary>
    private static void Amount(ref JsonSpanWriter w, ref bool first, ReadOnlySpan<byte> name, decimal amount, OptionalField field, in VehicleDetail d, bool plainStrings)
    {
        var present = d.Has(field);
        if (!present && d.Spelling.IsAbsent(field))
        {
            return;
        }
        if (!first) w.Byte((byte)',');
        first = false;
        w.Raw(name);
        if (!present) w.Raw("null"u8);
        else if (plainStrings) w.Text(amount.ToString(CultureInfo.InvariantCulture));
        else if (d.Spelling.Prices == NumberSpelling.Number) w.Decimal(amount);
        else w.FormattedAmount(amount, d.Spelling.Prices == NumberSpelling.Currency);
    }

    private static void Incentives(ref JsonSpanWriter w, in VehicleDetail d)
    {
        if (!d.Has(OptionalField.Incentives))
        {
            Null(ref w, ",\"incentives\":"u8, OptionalField.Incentives, d.Spelling);
            return;
        }
        var catalog = CatalogJson.Instance;
        w.Raw(",\"incentives\":["u8);
        for (var i = 0; i < d.IncentiveCount; i++)
        {
            var program = d.IncentiveProgramIndex(i);
            w.Raw(i == 0 ? "{\"programId\":"u8 : ",{\"programId\":"u8);
            w.Raw(catalog.IncentiveIds[program]);
            w.Raw(",\"name\":"u8);
            w.Raw(catalog.IncentiveNames[program]);
            w.Raw(",\"amount\":"u8);
            if (d.Spelling.IncentiveAmounts == NumberSpelling.Number) w.Decimal(d.IncentiveAmount(i));
            else w.FormattedAmount(d.IncentiveAmount(i), d.Spelling.IncentiveAmounts == NumberSpelling.Currency);
            w.Raw(",\"expires\":"u8);
            w.IsoDate(d.IncentiveExpires(i));
            w.Byte((byte)'}');
        }
        w.Byte((byte)']');
    }
}
