using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>
/// The second, differently shaped upstream: Mercedes-Benz USA inventory (~10,000 vehicles, 70% new, 30% used),
/// with its own ground truth. Vehicles change day to day with the same lifecycle as the Jeep model; zips are
/// located with the shared <see cref="DealerNetwork"/> directory.
/// </summary>
public sealed class MercedesInventory
{
    private const ulong LifecycleSalt = 0x4D42;
    private static readonly char[] VinAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".ToCharArray();

    private readonly int _seed;
    private readonly int _vehicleCount;
    private readonly DealerNetwork _zips;
    private readonly MercedesDealer[] _dealers;
    private readonly double[] _modelWeights;
    private readonly ConcurrentDictionary<(int Day, MercedesCondition Condition, string Zip, int? Distance), int[]> _selections = new();
    private readonly ConcurrentDictionary<int, (int Generation, short Dealer, string Vin)[]> _days = new();

    public MercedesInventory(int seed, int vehicleCount, int dealerCount, DealerNetwork zips)
    {
        _seed = seed;
        _vehicleCount = vehicleCount;
        _zips = zips;
        var metroWeights = new double[MetroAreas.All.Count];
        var total = 0.0;
        for (var i = 0; i < metroWeights.Length; i++)
        {
            total += MetroAreas.All[i].DealerWeight;
            metroWeights[i] = total;
        }
        _dealers = new MercedesDealer[dealerCount];
        for (var i = 0; i < dealerCount; i++)
        {
            var random = new SimRandom((ulong)seed, RandomStreams.MercedesDealer, (ulong)i);
            var metro = MetroAreas.All[random.PickCumulative(metroWeights)];
            var miles = Math.Abs(random.NextGaussian()) * 12;
            var bearing = random.NextDouble() * 2 * Math.PI;
            var id = ((i * 37 + 5400) % 100000).ToString("D5", CultureInfo.InvariantCulture);
            _dealers[i] = new MercedesDealer(id, metro.Centroid.OffsetMiles(miles * Math.Cos(bearing), miles * Math.Sin(bearing)));
        }
        _modelWeights = new double[MercedesCatalog.Models.Count];
        var weight = 0.0;
        for (var i = 0; i < _modelWeights.Length; i++)
        {
            weight += MercedesCatalog.Models[i].Share;
            _modelWeights[i] = weight;
        }
    }

    public MercedesInventory(SimulatorOptions options, DealerNetwork zips)
        : this(options.Seed, options.MercedesVehicleCount, options.MercedesDealerCount, zips)
    {
    }

    /// <summary>Number of records matching the search (what <c>paging.totalCount</c> reports); -1 for an unknown zip.</summary>
    public int Count(MercedesQuery query) => Select(query)?.Length ?? -1;

    /// <summary>Ground truth of every record of a search in served order (by VIN); empty for an unknown zip.</summary>
    public IReadOnlyList<SimulatedMercedesVehicle> Vehicles(MercedesQuery query)
    {
        var slots = Select(query);
        if (slots is null)
        {
            return [];
        }
        _zips.TryLocateZip(query.Zip, out var origin);
        var day = VehicleLifecycle.DayNumber(query.Date);
        return slots.Select(slot => Vehicle(day, slot, origin)).ToArray();
    }

    public byte[] RenderPage(MercedesQuery query, SchemaDriftKind drift = SchemaDriftKind.None)
    {
        using var buffer = new PooledBufferWriter(32 * 1024);
        WritePage(buffer, query, drift);
        return buffer.ToArray();
    }

    /// <summary>Writes the page <c>start</c> of the search, or the error envelope for an unknown zip.</summary>
    public void WritePage(IBufferWriter<byte> output, MercedesQuery query, SchemaDriftKind drift = SchemaDriftKind.None)
    {
        using var w = new Utf8JsonWriter(output, JsonText.WriterOptions);
        var slots = Select(query);
        w.WriteStartObject();
        if (slots is null)
        {
            w.WriteNull("result");
            w.WriteStartObject("status");
            w.WriteNumber("code", 400);
            w.WriteString("message", $"Invalid zip code '{query.Zip}'.");
            w.WriteEndObject();
            w.WriteBoolean("success", false);
            w.WriteEndObject();
            return;
        }
        _zips.TryLocateZip(query.Zip, out var origin);
        var day = VehicleLifecycle.DayNumber(query.Date);
        var count = query.EffectiveCount;
        var first = (long)Math.Max(0, query.Start) * count;
        var last = Math.Min(first + count, slots.Length);
        w.WriteStartObject("result");
        w.WriteStartObject("pagedVehicles");
        w.WriteStartArray("records");
        for (var i = first; i < last; i++)
        {
            WriteRecord(w, Vehicle(day, slots[i], origin), drift);
        }
        w.WriteEndArray();
        w.WriteStartObject("paging");
        w.WriteNumber("totalCount", slots.Length);
        w.WriteNumber("currentOffset", Math.Max(0, query.Start));
        w.WriteNumber("currentCount", Math.Max(0, last - first));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("status");
        w.WriteNumber("code", 200);
        w.WriteString("message", "OK");
        w.WriteEndObject();
        w.WriteBoolean("success", true);
        w.WriteEndObject();
    }

    private int[]? Select(MercedesQuery query)
    {
        if (!_zips.TryLocateZip(query.Zip, out var origin))
        {
            return null;
        }
        var day = VehicleLifecycle.DayNumber(query.Date);
        return _selections.GetOrAdd((day, query.Condition, query.Zip[..5], query.Distance), key =>
        {
            var cores = Cores(key.Day);
            var newCount = (int)(_vehicleCount * 0.7);
            var (from, to) = key.Condition == MercedesCondition.New ? (0, newCount) : (newCount, _vehicleCount);
            var slots = new List<int>();
            for (var slot = from; slot < to; slot++)
            {
                var core = cores[slot];
                if (core.Vin is null) continue;
                if (key.Distance is { } miles && origin.MilesTo(_dealers[core.Dealer].Location) > miles) continue;
                slots.Add(slot);
            }
            return slots.OrderBy(s => cores[s].Vin, StringComparer.Ordinal).ToArray();
        });
    }

    private (int Generation, short Dealer, string Vin)[] Cores(int day) => _days.GetOrAdd(day, d =>
    {
        var cores = new (int, short, string)[_vehicleCount];
        Span<char> vin = stackalloc char[17];
        for (var slot = 0; slot < _vehicleCount; slot++)
        {
            var lifecycle = new VehicleLifecycle((int)((ulong)_seed ^ LifecycleSalt), slot);
            if (!lifecycle.IsPresent(d)) continue;
            var generation = lifecycle.Generation(d);
            var random = new SimRandom((ulong)_seed, RandomStreams.MercedesVehicle, (ulong)slot, (ulong)generation);
            var dealer = (short)random.Next(_dealers.Length);
            "W1N".AsSpan().CopyTo(vin);
            for (var i = 3; i < 9; i++) vin[i] = VinAlphabet[random.Next(VinAlphabet.Length)];
            vin[9] = random.Chance(0.6) ? 'S' : 'T';
            vin[10] = 'A';
            slot.TryFormat(vin[11..], out _, "D6", CultureInfo.InvariantCulture);
            cores[slot] = (generation, dealer, new string(vin));
        }
        return cores;
    });

    private SimulatedMercedesVehicle Vehicle(int day, int slot, GeoPoint origin)
    {
        var (generation, dealerIndex, vin) = Cores(day)[slot];
        var random = new SimRandom((ulong)_seed, RandomStreams.MercedesVehicle, (ulong)slot, (ulong)generation + 1_000_000);
        var used = slot >= (int)(_vehicleCount * 0.7);
        var model = MercedesCatalog.Models[random.PickCumulative(_modelWeights)];
        var paint = MercedesCatalog.Paints[random.Next(MercedesCatalog.Paints.Count)];
        var upholstery = MercedesCatalog.Upholsteries[random.Next(MercedesCatalog.Upholsteries.Count)];
        var year = used ? 2019 + random.Next(6) : vin[9] == 'S' ? 2025 : 2026;
        var msrp = model.BaseMsrp + paint.Price + upholstery.Price + 50m * random.Next(0, 200);
        var mileage = used ? random.Next(3_000, 90_000) : (int?)null;
        var dealer = _dealers[dealerIndex];
        var lease = Math.Round(msrp / 95m, 0);
        return new SimulatedMercedesVehicle
        {
            Vin = vin,
            Condition = used ? MercedesCondition.Used : MercedesCondition.New,
            Year = year,
            ModelId = model.ModelId,
            ModelName = model.ModelName,
            Msrp = msrp,
            DealerId = dealer.DealerId,
            Paint = paint,
            Upholstery = upholstery,
            FuelType = model.FuelType,
            DriveTrain = model.DriveTrain,
            Properties =
            [
                new("engine", model.Engine, "Engine"),
                new("horsepower", $"{model.Horsepower} hp", "Performance"),
                new("exteriorColor", paint.Name, "Exterior"),
                new("interior", upholstery.Name, "Interior"),
            ],
            MonthlyPaymentInfo =
            [
                new("lease", lease, 36, null),
                new("finance", Math.Round(msrp / 60m * 1.08m, 2), 60, 5.99m + 0.5m * random.Next(4)),
            ],
            Mileage = mileage,
            Certified = used ? random.Chance(0.6) : null,
            DealerLocation = dealer.Location,
            Distance = Math.Round(origin.MilesTo(dealer.Location), 1),
        };
    }

    private static void WriteRecord(Utf8JsonWriter w, SimulatedMercedesVehicle v, SchemaDriftKind drift)
    {
        w.WriteStartObject();
        w.WriteString("vin", v.Vin);
        w.WriteString("year", v.Year.ToString(CultureInfo.InvariantCulture));
        w.WriteString("modelId", v.ModelId);
        if (drift != SchemaDriftKind.MissingField) w.WriteString("modelName", v.ModelName);
        if (drift == SchemaDriftKind.NumberAsString) w.WriteString("msrp", v.Msrp.ToString(CultureInfo.InvariantCulture));
        else w.WriteNumber("msrp", v.Msrp);
        w.WriteString("dealerId", v.DealerId);
        WriteColor(w, "paint", v.Paint);
        WriteColor(w, "upholstery", v.Upholstery);
        WriteCode(w, "fuelType", v.FuelType);
        WriteCode(w, "driveTrain", v.DriveTrain);
        w.WriteStartArray("properties");
        foreach (var p in v.Properties)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("value", p.Value);
            w.WriteString("header", p.Header);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("monthlyPaymentInfo");
        foreach (var p in v.MonthlyPaymentInfo)
        {
            w.WriteStartObject();
            w.WriteString("type", p.Type);
            w.WriteNumber("amount", p.Amount);
            w.WriteNumber("term", p.Term);
            if (p.Apr is { } apr) w.WriteNumber("apr", apr);
            else w.WriteNull("apr");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (v.Condition == MercedesCondition.Used)
        {
            w.WriteStartObject("usedVehicleAttributes");
            w.WriteString("mileage", v.Mileage?.ToString(CultureInfo.InvariantCulture));
            w.WriteString("certified", v.Certified == true ? "true" : "false");
            w.WriteStartObject("dealer");
            w.WriteStartArray("address");
            w.WriteStartObject();
            w.WriteStartObject("location");
            w.WriteString("lat", v.DealerLocation.Latitude.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("lng", v.DealerLocation.Longitude.ToString("R", CultureInfo.InvariantCulture));
            w.WriteString("dist", v.Distance.ToString("0.0", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("usedVehicleAttributes");
        }
        if (drift == SchemaDriftKind.ExtraField)
        {
            w.WriteString("simUnexpected", "added by upstream without notice");
        }
        w.WriteEndObject();
    }

    private static void WriteColor(Utf8JsonWriter w, string name, MercedesColor color)
    {
        w.WriteStartObject(name);
        w.WriteString("id", color.Id);
        w.WriteString("name", color.Name);
        w.WriteString("metaCode", color.MetaCode);
        w.WriteNumber("price", color.Price);
        w.WriteEndObject();
    }

    private static void WriteCode(Utf8JsonWriter w, string name, MercedesCode code)
    {
        w.WriteStartObject(name);
        w.WriteString("id", code.Id);
        w.WriteString("name", code.Name);
        w.WriteEndObject();
    }
}
