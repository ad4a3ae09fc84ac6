using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>
/// The simulator's original record writer: a <see cref="SimulatedVehicle"/> (the ground truth) written field by field
/// with <see cref="Utf8JsonWriter"/>, in the vehicle's own spelling, optionally drifted. The reference the fast
/// in-place writer (<see cref="VehicleRecordWriter"/>) must match byte for byte.
/// </summary>
internal static class ReferenceVehicleJsonWriter
{
    public static void Write(Utf8JsonWriter w, SimulatedVehicle v, SchemaDriftKind drift)
    {
        var s = v.Spelling;
        var numbersAsStrings = drift == SchemaDriftKind.NumberAsString;
        w.WriteStartObject();
        w.WriteString("vin", v.Vin);
        if (numbersAsStrings) w.WriteString("modelYear", v.ModelYear.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber("modelYear", v.ModelYear);
        w.WriteString("vehicleDesc", v.VehicleDesc);
        w.WriteString("brand", v.Brand);
        w.WriteString("ccode", v.Ccode);
        w.WriteString("llp", v.Llp);
        w.WriteString("statusCode", v.StatusCode);
        w.WriteString("dealerCode", v.DealerCode);
        w.WriteString("dealerZipCode", v.DealerZipCode);
        WriteDouble(w, "lat", v.Lat, numbersAsStrings);
        WriteDouble(w, "lon", v.Lon, numbersAsStrings);
        w.WriteString("engineDesc", v.EngineDesc);
        w.WriteString("engineCode", v.EngineCode);
        w.WriteString("transmissionDesc", v.TransmissionDesc);
        w.WriteString("transmissionCode", v.TransmissionCode);
        WriteText(w, "exteriorColorDesc", v.ExteriorColorDesc, s);
        if (drift != SchemaDriftKind.MissingField) w.WriteString("exteriorColorCode", v.ExteriorColorCode);
        WriteOptional(w, "exteriorColorHex", v.ExteriorColorHex, OptionalField.ExteriorColorHex, s);
        WriteText(w, "interiorColorDesc", v.InteriorColorDesc, s);
        w.WriteString("interiorColorCode", v.InteriorColorCode);
        WriteOptional(w, "interiorFabric", v.InteriorFabric, OptionalField.InteriorFabric, s);

        w.WriteStartArray("options");
        foreach (var option in v.Options) w.WriteStringValue(option);
        w.WriteEndArray();

        w.WriteStartObject("price");
        WriteAmount(w, "msrp", v.Msrp, OptionalField.Msrp, s, numbersAsStrings);
        WriteAmount(w, "destination", v.Destination, OptionalField.Destination, s, numbersAsStrings);
        WriteAmount(w, "netPrice", v.NetPrice, OptionalField.NetPrice, s, numbersAsStrings);
        WriteAmount(w, "employeePrice", v.EmployeePrice, OptionalField.EmployeePrice, s, numbersAsStrings);
        WriteAmount(w, "discountedPrice", v.DiscountedPrice, OptionalField.DiscountedPrice, s, numbersAsStrings);
        w.WriteEndObject();

        w.WriteStartObject("attributes");
        w.WriteStartArray("attributes");
        WriteAttribute(w, 1, "Drive", v.Drive);
        WriteAttribute(w, 5, "Real Trim", v.RealTrim);
        WriteAttribute(w, 1001, "Power Source", v.PowerSource);
        WriteAttribute(w, 7, "Doors", v.Doors.ToString(CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("specs");
        w.WriteStartArray("attributes");
        w.WriteStartObject();
        w.WriteString("name", "Seats");
        w.WriteNumber("value", v.Seats);
        w.WriteEndObject();
        if (v.FuelCapacity is { } fuel)
        {
            w.WriteStartObject();
            w.WriteString("name", "Fuel Capacity");
            w.WriteString("value", $"{fuel.ToString(CultureInfo.InvariantCulture)} gal");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteString("extImage", v.ExtImage);
        w.WriteString("intImage", v.IntImage);
        w.WriteStartObject("match");
        w.WriteString("matchLevel", v.MatchLevel);
        w.WriteEndObject();
        w.WriteStartObject("mackevisionData");
        w.WriteString("consumerFamily", v.ConsumerFamily);
        w.WriteString("ulp", v.MackevisionUlp);
        w.WriteString("llp", v.MackevisionLlp);
        w.WriteEndObject();
        WriteOptional(w, "assumedModelYearCode", v.AssumedModelYearCode, OptionalField.AssumedModelYearCode, s);
        WriteOptional(w, "stockNumber", v.StockNumber, OptionalField.StockNumber, s);
        WriteDouble(w, "distance", v.Distance, numbersAsStrings);
        WriteBool(w, "inTransit", v.InTransit, OptionalField.InTransit, s);
        w.WriteString("inventoryStatus", v.InventoryStatus);
        w.WriteString("modelCode", v.ModelCode);
        w.WriteString("cpp", v.Cpp);
        WriteIncentives(w, v.Incentives, s);
        WriteInt(w, "mileage", v.Mileage, OptionalField.Mileage, s, numbersAsStrings);
        WriteOptional(w, "cityMpg", v.CityMpg is { } city ? $"{city} MPG" : null, OptionalField.CityMpg, s);
        WriteOptional(w, "highwayMpg", v.HighwayMpg is { } hwy ? $"{hwy} MPG" : null, OptionalField.HighwayMpg, s);
        WriteOptional(w, "horsepower", v.Horsepower?.ToString(CultureInfo.InvariantCulture), OptionalField.Horsepower, s);
        WriteInt(w, "torque", v.Torque, OptionalField.Torque, s, numbersAsStrings);
        WriteOptional(w, "towingCapacity", v.TowingCapacity?.ToString("#,##0", CultureInfo.InvariantCulture), OptionalField.TowingCapacity, s);
        if (v.Wheelbase is { } wheelbase) w.WriteNumber("wheelbase", wheelbase);
        else if (!s.IsAbsent(OptionalField.Wheelbase)) w.WriteNull("wheelbase");
        WriteInt(w, "evRange", v.EvRange, OptionalField.EvRange, s, numbersAsStrings);
        w.WriteString("bodyStyle", v.BodyStyle);
        w.WriteString("fuelType", v.FuelType);
        w.WriteString("trimDesc", v.TrimDesc);
        w.WriteString("modelDesc", v.ModelDesc);
        WriteOptional(w, "packageDesc", v.PackageDesc, OptionalField.PackageDesc, s);
        WriteOptional(w, "warrantyDesc", v.WarrantyDesc, OptionalField.WarrantyDesc, s);
        WriteOptional(w, "dealerNotes", v.DealerNotes, OptionalField.DealerNotes, s);
        w.WriteString("vdpUrl", v.VdpUrl);
        WriteOptional(w, "dateInStock", v.DateInStock?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OptionalField.DateInStock, s);
        WriteOptional(w, "estimatedDeliveryDate",
            v.EstimatedDeliveryDate?.ToString(s.UsDeliveryDate ? "MM/dd/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
            OptionalField.EstimatedDeliveryDate, s);
        WriteOptional(w, "productionDate", v.ProductionDate?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), OptionalField.ProductionDate, s);
        w.WriteString("lastUpdated", v.LastUpdated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteOptional(w, "isDemo", v.IsDemo is { } demo ? (demo ? "Y" : "N") : null, OptionalField.IsDemo, s);
        WriteBool(w, "hasOnlinePrice", v.HasOnlinePrice, OptionalField.HasOnlinePrice, s);

        if (drift == SchemaDriftKind.ExtraField)
        {
            w.WriteStartObject("rebateEligibility");
            w.WriteString("code", "RB1");
            w.WriteBoolean("eligible", true);
            w.WriteEndObject();
            w.WriteString("simUnexpected", "added by upstream without notice");
        }
        w.WriteEndObject();
    }

    private static void WriteAttribute(Utf8JsonWriter w, int typeId, string typeDesc, string value)
    {
        w.WriteStartObject();
        w.WriteNumber("typeId", typeId);
        w.WriteString("typeDesc", typeDesc);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string name, string value, VehicleSpelling s)
    {
        if (s.EscapeNonAscii && !JsonText.IsAscii(value)) JsonText.WriteAsciiEscapedString(w, name, value);
        else w.WriteString(name, value);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value, OptionalField field, VehicleSpelling s)
    {
        if (value is not null) WriteText(w, name, value, s);
        else if (!s.IsAbsent(field)) w.WriteNull(name);
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double value, bool asString)
    {
        if (asString) w.WriteString(name, value.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNumber(name, value);
    }

    private static void WriteInt(Utf8JsonWriter w, string name, int? value, OptionalField field, VehicleSpelling s, bool asString)
    {
        if (value is { } number)
        {
            if (asString) w.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
            else w.WriteNumber(name, number);
        }
        else if (!s.IsAbsent(field)) w.WriteNull(name);
    }

    private static void WriteBool(Utf8JsonWriter w, string name, bool? value, OptionalField field, VehicleSpelling s)
    {
        if (value is { } flag) w.WriteBoolean(name, flag);
        else if (!s.IsAbsent(field)) w.WriteNull(name);
    }

    private static void WriteAmount(Utf8JsonWriter w, string name, decimal? value, OptionalField field, VehicleSpelling s, bool plainStrings)
    {
        if (value is not { } amount)
        {
            if (!s.IsAbsent(field)) w.WriteNull(name);
            return;
        }
        if (plainStrings) w.WriteString(name, amount.ToString(CultureInfo.InvariantCulture));
        else if (s.Prices == NumberSpelling.Number) w.WriteNumber(name, amount);
        else w.WriteString(name, VehicleFactory.FormatAmount(amount, s.Prices));
    }

    private static void WriteIncentives(Utf8JsonWriter w, IReadOnlyList<SimulatedIncentive>? incentives, VehicleSpelling s)
    {
        if (incentives is null)
        {
            if (!s.IsAbsent(OptionalField.Incentives)) w.WriteNull("incentives");
            return;
        }
        w.WriteStartArray("incentives");
        foreach (var incentive in incentives)
        {
            w.WriteStartObject();
            w.WriteString("programId", incentive.ProgramId);
            w.WriteString("name", incentive.Name);
            if (s.IncentiveAmounts == NumberSpelling.Number) w.WriteNumber("amount", incentive.Amount);
            else w.WriteString("amount", VehicleFactory.FormatAmount(incentive.Amount, s.IncentiveAmounts));
            w.WriteString("expires", incentive.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
