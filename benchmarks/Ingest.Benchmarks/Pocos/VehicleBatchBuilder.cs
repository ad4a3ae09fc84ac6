using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Benchmarks.Pocos;

/// <summary>
/// Maps <see cref="VehicleRecord"/>s into Arrow with the stock <c>Apache.Arrow</c> builders: the same 73 columns,
/// types, coercions and computed columns as the <c>StellantisVehicle</c> entity, one record at a time. The builders
/// are reused across batches (<see cref="Build"/> clears them).
/// </summary>
public sealed class VehicleBatchBuilder
{
    private const string ExteriorImagePrefix = "https://www.jeep.com/mediaserver/iris?";
    private const string ExteriorImageSuffix = "&pov=fronthero&width=860&height=484&bkgnd=transparent&resp=png";
    private const string InteriorImagePrefix = "https://www.jeep.com/mediaserver/iris?";
    private const string InteriorImageSuffix = "&width=860&height=484&bkgnd=transparent&resp=png"; // intImage carries its own pov

    private static readonly Decimal128Type Money = new(18, 2);
    private static readonly Decimal128Type Measure = new(6, 2);
    private static readonly TimestampType UtcMicroseconds = new(TimeUnit.Microsecond, "UTC");

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(Utf8("vin")).Field(Int32("model_year")).Field(Utf8("vehicle_desc")).Field(Utf8("brand")).Field(Utf8("ccode"))
        .Field(Utf8("lower_level_package")).Field(Utf8("status_code")).Field(Utf8("dealer_code")).Field(Utf8("dealer_zip_code"))
        .Field(Float64("latitude")).Field(Float64("longitude")).Field(Utf8("engine_desc")).Field(Utf8("engine_code"))
        .Field(Utf8("transmission_desc")).Field(Utf8("transmission_code")).Field(Utf8("exterior_color_desc"))
        .Field(Utf8("exterior_color_code")).Field(Utf8("exterior_color_hex")).Field(Utf8("interior_color_desc"))
        .Field(Utf8("interior_color_code")).Field(Utf8("interior_fabric"))
        .Field(new Field("options", new ListType(new Field("item", StringType.Default, nullable: true)), nullable: true))
        .Field(Dec("msrp", Money)).Field(Dec("destination", Money)).Field(Dec("net_price", Money)).Field(Dec("employee_price", Money))
        .Field(Dec("discounted_price", Money)).Field(Utf8("drive")).Field(Utf8("real_trim")).Field(Utf8("power_source"))
        .Field(Int32("doors")).Field(Int32("seats")).Field(Dec("fuel_capacity", Measure)).Field(Utf8("ext_image")).Field(Utf8("int_image"))
        .Field(Utf8("match_level")).Field(Utf8("consumer_family")).Field(Utf8("upper_level_package"))
        .Field(Utf8("mackevision_lower_level_package")).Field(Utf8("assumed_model_year_code")).Field(Utf8("stock_number"))
        .Field(Float64("distance")).Field(Bool("in_transit")).Field(Utf8("inventory_status")).Field(Utf8("model_code")).Field(Utf8("cpp"))
        .Field(Int32("mileage")).Field(Int32("city_mpg")).Field(Int32("highway_mpg")).Field(Int32("horsepower")).Field(Int32("torque"))
        .Field(Int32("towing_capacity")).Field(Dec("wheelbase", Measure)).Field(Int32("ev_range")).Field(Utf8("body_style"))
        .Field(Utf8("fuel_type")).Field(Utf8("trim_desc")).Field(Utf8("model_desc")).Field(Utf8("package_desc"))
        .Field(Utf8("warranty_desc")).Field(Utf8("dealer_notes")).Field(Utf8("vdp_url")).Field(Date("date_in_stock"))
        .Field(Date("estimated_delivery_date")).Field(Date("production_date"))
        .Field(new Field("last_updated", UtcMicroseconds, nullable: true)).Field(Bool("is_demo")).Field(Bool("has_online_price"))
        .Field(Utf8("model_year_code")).Field(Utf8("ccode_model")).Field(Utf8("dealer_zip5")).Field(Utf8("exterior_image_url"))
        .Field(Utf8("interior_image_url"))
        .Build();

    private readonly StringArray.Builder _vin = new();
    private readonly Int32Array.Builder _modelYear = new();
    private readonly StringArray.Builder _vehicleDesc = new();
    private readonly StringArray.Builder _brand = new();
    private readonly StringArray.Builder _ccode = new();
    private readonly StringArray.Builder _lowerLevelPackage = new();
    private readonly StringArray.Builder _statusCode = new();
    private readonly StringArray.Builder _dealerCode = new();
    private readonly StringArray.Builder _dealerZipCode = new();
    private readonly DoubleArray.Builder _latitude = new();
    private readonly DoubleArray.Builder _longitude = new();
    private readonly StringArray.Builder _engineDesc = new();
    private readonly StringArray.Builder _engineCode = new();
    private readonly StringArray.Builder _transmissionDesc = new();
    private readonly StringArray.Builder _transmissionCode = new();
    private readonly StringArray.Builder _exteriorColorDesc = new();
    private readonly StringArray.Builder _exteriorColorCode = new();
    private readonly StringArray.Builder _exteriorColorHex = new();
    private readonly StringArray.Builder _interiorColorDesc = new();
    private readonly StringArray.Builder _interiorColorCode = new();
    private readonly StringArray.Builder _interiorFabric = new();
    private readonly ListArray.Builder _options = new(StringType.Default);
    private readonly Decimal128Array.Builder _msrp = new(Money);
    private readonly Decimal128Array.Builder _destination = new(Money);
    private readonly Decimal128Array.Builder _netPrice = new(Money);
    private readonly Decimal128Array.Builder _employeePrice = new(Money);
    private readonly Decimal128Array.Builder _discountedPrice = new(Money);
    private readonly StringArray.Builder _drive = new();
    private readonly StringArray.Builder _realTrim = new();
    private readonly StringArray.Builder _powerSource = new();
    private readonly Int32Array.Builder _doors = new();
    private readonly Int32Array.Builder _seats = new();
    private readonly Decimal128Array.Builder _fuelCapacity = new(Measure);
    private readonly StringArray.Builder _extImage = new();
    private readonly StringArray.Builder _intImage = new();
    private readonly StringArray.Builder _matchLevel = new();
    private readonly StringArray.Builder _consumerFamily = new();
    private readonly StringArray.Builder _upperLevelPackage = new();
    private readonly StringArray.Builder _mackevisionLowerLevelPackage = new();
    private readonly StringArray.Builder _assumedModelYearCode = new();
    private readonly StringArray.Builder _stockNumber = new();
    private readonly DoubleArray.Builder _distance = new();
    private readonly BooleanArray.Builder _inTransit = new();
    private readonly StringArray.Builder _inventoryStatus = new();
    private readonly StringArray.Builder _modelCode = new();
    private readonly StringArray.Builder _cpp = new();
    private readonly Int32Array.Builder _mileage = new();
    private readonly Int32Array.Builder _cityMpg = new();
    private readonly Int32Array.Builder _highwayMpg = new();
    private readonly Int32Array.Builder _horsepower = new();
    private readonly Int32Array.Builder _torque = new();
    private readonly Int32Array.Builder _towingCapacity = new();
    private readonly Decimal128Array.Builder _wheelbase = new(Measure);
    private readonly Int32Array.Builder _evRange = new();
    private readonly StringArray.Builder _bodyStyle = new();
    private readonly StringArray.Builder _fuelType = new();
    private readonly StringArray.Builder _trimDesc = new();
    private readonly StringArray.Builder _modelDesc = new();
    private readonly StringArray.Builder _packageDesc = new();
    private readonly StringArray.Builder _warrantyDesc = new();
    private readonly StringArray.Builder _dealerNotes = new();
    private readonly StringArray.Builder _vdpUrl = new();
    private readonly Date32Array.Builder _dateInStock = new();
    private readonly Date32Array.Builder _estimatedDeliveryDate = new();
    private readonly Date32Array.Builder _productionDate = new();
    private readonly TimestampArray.Builder _lastUpdated = new(UtcMicroseconds);
    private readonly BooleanArray.Builder _isDemo = new();
    private readonly BooleanArray.Builder _hasOnlinePrice = new();
    private readonly StringArray.Builder _modelYearCode = new();
    private readonly StringArray.Builder _ccodeModel = new();
    private readonly StringArray.Builder _dealerZip5 = new();
    private readonly StringArray.Builder _exteriorImageUrl = new();
    private readonly StringArray.Builder _interiorImageUrl = new();

    /// <summary>Rows appended since the last <see cref="Build"/>.</summary>
    public int Count { get; private set; }

    public void Append(VehicleRecord v)
    {
        _vin.Append(v.Vin?.Trim().ToUpperInvariant());
        Put(_modelYear, v.ModelYear);
        _vehicleDesc.Append(v.VehicleDesc?.Trim());
        _brand.Append(v.Brand);
        _ccode.Append(v.Ccode);
        _lowerLevelPackage.Append(v.Llp);
        _statusCode.Append(v.StatusCode);
        _dealerCode.Append(v.DealerCode);
        _dealerZipCode.Append(v.DealerZipCode);
        Put(_latitude, v.Lat);
        Put(_longitude, v.Lon);
        _engineDesc.Append(v.EngineDesc);
        _engineCode.Append(v.EngineCode);
        _transmissionDesc.Append(v.TransmissionDesc);
        _transmissionCode.Append(v.TransmissionCode);
        _exteriorColorDesc.Append(v.ExteriorColorDesc);
        _exteriorColorCode.Append(v.ExteriorColorCode);
        _exteriorColorHex.Append(v.ExteriorColorHex);
        _interiorColorDesc.Append(v.InteriorColorDesc);
        _interiorColorCode.Append(v.InteriorColorCode);
        _interiorFabric.Append(v.InteriorFabric);
        if (v.Options is { } options)
        {
            _options.Append();
            var items = (StringArray.Builder)_options.ValueBuilder;
            foreach (string option in options) items.Append(option);
        }
        else _options.AppendNull();

        VehiclePrice? price = v.Price;
        Put(_msrp, price?.Msrp, 2);
        Put(_destination, price?.Destination, 2);
        Put(_netPrice, price?.NetPrice, 2);
        Put(_employeePrice, price?.EmployeePrice, 2);
        Put(_discountedPrice, price?.DiscountedPrice, 2);

        List<NameValue>? attributes = v.Attributes?.Attributes;
        _drive.Append(ByTypeDesc(attributes, "Drive"));
        _realTrim.Append(ByTypeDesc(attributes, "Real Trim"));
        _powerSource.Append(ByTypeDesc(attributes, "Power Source"));
        Put(_doors, ToInt32(ByTypeDesc(attributes, "Doors")));
        List<NameValue>? specs = v.Specs?.Attributes;
        Put(_seats, ToInt32(ByName(specs, "Seats")));
        Put(_fuelCapacity, ToFormattedDecimal(ByName(specs, "Fuel Capacity")), 2);

        _extImage.Append(v.ExtImage);
        _intImage.Append(v.IntImage);
        _matchLevel.Append(v.Match?.MatchLevel);
        _consumerFamily.Append(v.MackevisionData?.ConsumerFamily);
        _upperLevelPackage.Append(v.MackevisionData?.Ulp);
        _mackevisionLowerLevelPackage.Append(v.MackevisionData?.Llp);
        _assumedModelYearCode.Append(v.AssumedModelYearCode);
        _stockNumber.Append(v.StockNumber);
        Put(_distance, v.Distance);
        Put(_inTransit, v.InTransit);
        _inventoryStatus.Append(v.InventoryStatus);
        _modelCode.Append(v.ModelCode);
        _cpp.Append(v.Cpp);
        Put(_mileage, v.Mileage);
        Put(_cityMpg, v.CityMpg);
        Put(_highwayMpg, v.HighwayMpg);
        Put(_horsepower, v.Horsepower);
        Put(_torque, v.Torque);
        Put(_towingCapacity, v.TowingCapacity);
        Put(_wheelbase, v.Wheelbase, 2);
        Put(_evRange, v.EvRange);
        _bodyStyle.Append(v.BodyStyle);
        _fuelType.Append(v.FuelType);
        _trimDesc.Append(v.TrimDesc);
        _modelDesc.Append(v.ModelDesc);
        _packageDesc.Append(v.PackageDesc);
        _warrantyDesc.Append(v.WarrantyDesc);
        _dealerNotes.Append(v.DealerNotes);
        _vdpUrl.Append(v.VdpUrl);
        Put(_dateInStock, v.DateInStock);
        Put(_estimatedDeliveryDate, v.EstimatedDeliveryDate);
        Put(_productionDate, v.ProductionDate);
        if (v.LastUpdated is { } lastUpdated) _lastUpdated.Append(lastUpdated);
        else _lastUpdated.AppendNull();
        Put(_isDemo, v.IsDemo);
        Put(_hasOnlinePrice, v.HasOnlinePrice);

        // Computed columns, as the entity's transforms define them.
        string? ccode = v.Ccode;
        _modelYearCode.Append(ccode is { Length: >= 9 } ? ccode[..9] : null);
        _ccodeModel.Append(ccode is { Length: >= 15 } ? ccode.Substring(9, 6) : null);
        _dealerZip5.Append(Zip5(v.DealerZipCode));
        _exteriorImageUrl.Append(string.IsNullOrEmpty(v.ExtImage) ? null : ExteriorImagePrefix + v.ExtImage + ExteriorImageSuffix);
        _interiorImageUrl.Append(string.IsNullOrEmpty(v.IntImage) ? null : InteriorImagePrefix + v.IntImage + InteriorImageSuffix);
        Count++;
    }

    /// <summary>The rows appended so far as a record batch (the caller disposes it); the builders start over.</summary>
    public RecordBatch Build()
    {
        IArrowArray[] columns =
        [
            Take(_vin), Take(_modelYear), Take(_vehicleDesc), Take(_brand), Take(_ccode), Take(_lowerLevelPackage),
            Take(_statusCode), Take(_dealerCode), Take(_dealerZipCode), Take(_latitude), Take(_longitude),
            Take(_engineDesc), Take(_engineCode), Take(_transmissionDesc), Take(_transmissionCode),
            Take(_exteriorColorDesc), Take(_exteriorColorCode), Take(_exteriorColorHex), Take(_interiorColorDesc),
            Take(_interiorColorCode), Take(_interiorFabric), TakeList(_options),
            Take(_msrp), Take(_destination), Take(_netPrice), Take(_employeePrice), Take(_discountedPrice),
            Take(_drive), Take(_realTrim), Take(_powerSource), Take(_doors), Take(_seats), Take(_fuelCapacity),
            Take(_extImage), Take(_intImage), Take(_matchLevel), Take(_consumerFamily), Take(_upperLevelPackage),
            Take(_mackevisionLowerLevelPackage), Take(_assumedModelYearCode), Take(_stockNumber), Take(_distance),
            Take(_inTransit), Take(_inventoryStatus), Take(_modelCode), Take(_cpp), Take(_mileage), Take(_cityMpg),
            Take(_highwayMpg), Take(_horsepower), Take(_torque), Take(_towingCapacity), Take(_wheelbase), Take(_evRange),
            Take(_bodyStyle), Take(_fuelType), Take(_trimDesc), Take(_modelDesc), Take(_packageDesc), Take(_warrantyDesc),
            Take(_dealerNotes), Take(_vdpUrl), Take(_dateInStock), Take(_estimatedDeliveryDate), Take(_productionDate),
            Take(_lastUpdated), Take(_isDemo), Take(_hasOnlinePrice),
            Take(_modelYearCode), Take(_ccodeModel), Take(_dealerZip5), Take(_exteriorImageUrl), Take(_interiorImageUrl),
        ];
        var batch = new RecordBatch(Schema, columns, Count);
        Count = 0;
        return batch;
    }

    private static IArrowArray Take<TArray, TBuilder>(IArrowArrayBuilder<TArray, TBuilder> builder)
        where TArray : IArrowArray
        where TBuilder : IArrowArrayBuilder<TArray>
    {
        TArray array = builder.Build(default);
        builder.Clear();
        return array;
    }

    private static IArrowArray TakeList(ListArray.Builder builder)
    {
        ListArray array = builder.Build();
        builder.Clear();
        return array;
    }

    private static string? ByTypeDesc(List<NameValue>? entries, string typeDesc)
    {
        if (entries is null) return null;
        foreach (NameValue entry in entries)
        {
            if (entry.TypeDesc == typeDesc) return entry.Value;
        }
        return null;
    }

    private static string? ByName(List<NameValue>? entries, string name)
    {
        if (entries is null) return null;
        foreach (NameValue entry in entries)
        {
            if (entry.Name == name) return entry.Value;
        }
        return null;
    }

    private static int? ToInt32(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    // "18.5 gal": the number before the unit.
    private static decimal? ToFormattedDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        ReadOnlySpan<char> span = text.AsSpan().Trim().TrimStart('$');
        int end = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] is '.' or ',' or '-')) end++;
        return decimal.TryParse(span[..end], NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value) ? value : null;
    }

    private static string? Zip5(string? zip)
    {
        if (zip is null) return null;
        bool shape = zip.Length is 5 or 9 || (zip.Length == 10 && zip[5] == '-');
        if (!shape) return null;
        for (int i = 0; i < zip.Length; i++)
        {
            if (i == 5 && zip.Length == 10) continue;
            if (!char.IsAsciiDigit(zip[i])) return null;
        }
        return zip.Length == 5 ? zip : zip[..5];
    }

    private static void Put(Int32Array.Builder builder, int? value)
    {
        if (value is { } v) builder.Append(v);
        else builder.AppendNull();
    }

    private static void Put(DoubleArray.Builder builder, double? value)
    {
        if (value is { } v) builder.Append(v);
        else builder.AppendNull();
    }

    private static void Put(BooleanArray.Builder builder, bool? value)
    {
        if (value is { } v) builder.Append(v);
        else builder.AppendNull();
    }

    private static void Put(Date32Array.Builder builder, DateOnly? value)
    {
        if (value is { } v) builder.Append(v);
        else builder.AppendNull();
    }

    private static void Put(Decimal128Array.Builder builder, decimal? value, int scale)
    {
        if (value is { } v) builder.Append(decimal.Round(v, scale, MidpointRounding.ToEven));
        else builder.AppendNull();
    }

    private static Field Utf8(string name) => new(name, StringType.Default, nullable: true);
    private static Field Int32(string name) => new(name, Int32Type.Default, nullable: true);
    private static Field Float64(string name) => new(name, DoubleType.Default, nullable: true);
    private static Field Bool(string name) => new(name, BooleanType.Default, nullable: true);
    private static Field Date(string name) => new(name, Date32Type.Default, nullable: true);
    private static Field Dec(string name, Decimal128Type type) => new(name, type, nullable: true);
}
