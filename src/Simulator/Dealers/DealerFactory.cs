namespace Ingest.Simulator;

/// <summary>Builds one dealer from (seed, index): a name, an address near a metro, hours and services.</summary>
internal static class DealerFactory
{
    private static readonly string[] NameStems =
    [
        "Manhattan", "Liberty", "Heritage", "Summit", "Lakeside", "Valley", "Freedom", "Patriot", "Pioneer", "Riverside",
        "Mountain View", "Gateway", "Eagle", "Crossroads", "Sunrise", "Frontier", "Northstar", "Bayside", "Capitol", "Parkway",
    ];

    // Non-ASCII and apostrophes on purpose: real dealer names carry them and extractors must keep them intact.
    private static readonly string[] Surnames =
    [
        "Peña", "Núñez", "Beaulé", "Müller", "O'Connor", "Smith", "Johnson", "Garcia", "Miller", "Davis",
        "Rodríguez", "Martínez", "Anderson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
    ];

    private static readonly string[] Suffixes =
    [
        "Chrysler Dodge Jeep Ram", "Jeep", "CDJR", "Chrysler Jeep", "Jeep Ram", "Chrysler Dodge Jeep Ram FIAT",
    ];

    private static readonly string[] Streets =
    [
        "Main St", "Route 17", "Broadway", "Highway 6", "Commerce Dr", "Auto Mall Pkwy", "Central Ave", "Oak St",
        "Motor Pkwy", "Sunset Blvd", "Industrial Rd", "Market St", "Veterans Memorial Hwy", "Elm St",
    ];

    private static readonly string[] CityPrefixes = ["North", "South", "East", "West", "New"];

    private static readonly string[] ServiceNames =
    [
        "Service", "Parts", "Collision", "Express Lane", "Mopar Accessories", "Rental", "Certified Pre-Owned", "Fleet",
    ];

    public static SimulatedDealer Create(int seed, int index, IReadOnlyList<MetroArea> metros, double[] metroCumulativeWeights)
    {
        var random = new SimRandom((ulong)seed, RandomStreams.Dealer, (ulong)index);
        var metro = metros[random.PickCumulative(metroCumulativeWeights)];

        // Dealers cluster around the centroid with a long-ish tail into the suburbs and exurbs.
        var radius = Math.Min(70.0, Math.Abs(random.NextGaussian()) * 16.0);
        var bearing = random.NextDouble() * 2 * Math.PI;
        var location = metro.Centroid.OffsetMiles(radius * Math.Cos(bearing), radius * Math.Sin(bearing));

        var nameStyle = random.Next(4);
        var stem = nameStyle switch
        {
            0 or 1 => random.Pick(Surnames),
            2 => random.Pick(NameStems),
            _ => metro.Name,
        };
        var name = $"{stem} {random.Pick(Suffixes)}";
        if (random.Chance(0.01))
        {
            // A handful of names with quotes exercise JSON string escapes.
            name = $"\"{stem}\" {random.Pick(Suffixes)}";
        }

        var city = random.Chance(0.7) ? metro.Name : $"{random.Pick(CityPrefixes)} {metro.Name}";
        var zip5 = metro.Zip[..3] + random.Next(0, 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        var zip = random.Chance(0.3) ? zip5 + random.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture) : zip5;
        var code = ((index * 7919L + 1234) % 90000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var domain = new string(stem.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant() + "jeep";
        var services = ServiceNames.Where(_ => random.Chance(0.6)).ToArray();

        return new SimulatedDealer
        {
            Index = index,
            DealerCode = code,
            LocationSeq = random.Chance(0.9) ? 1 : 2,
            DealerName = name,
            DealerAddress1 = $"{random.Next(10, 9999)} {random.Pick(Streets)}",
            DealerAddress2 = random.Chance(0.2) ? $"Suite {random.Next(1, 40) * 10}" : null,
            DealerCity = city,
            DealerState = metro.State,
            DealerZipCode = zip,
            DealerShowroomCountry = "US",
            Location = location,
            PhoneNumber = $"({random.Next(201, 990)}) {random.Next(200, 999)}-{random.Next(1000, 9999)}",
            Website = $"www.{domain}{code[^2..]}.com",
            Email = random.Chance(0.9) ? $"sales@{domain}{code[^2..]}.com" : null,
            Dma = metro.Dma,
            BusinessCenter = BusinessCenterOf(metro.Centroid),
            HasQuote = random.Chance(0.85),
            SalesHours = CreateHours(ref random),
            Brands = random.Chance(0.8) ? ["C", "D", "J", "R"] : ["J"],
            Services = services,
            DealerStatus = random.Chance(0.97) ? "A" : "P",
            Metro = metro,
            InventoryWeight = 0.3 + random.NextDouble() * random.NextDouble() * 3.0,
            CoordinatesAsStrings = random.Chance(0.5),
        };
    }

    private static string BusinessCenterOf(GeoPoint point) => point switch
    {
        { Longitude: < -114 } => "West",
        { Longitude: < -100 } => "Denver",
        { Longitude: < -90, Latitude: < 37 } => "Southwest",
        { Longitude: < -90 } => "Midwest",
        { Longitude: < -80, Latitude: >= 38.5 } => "Great Lakes",
        { Latitude: < 36.5 } => "Southeast",
        { Latitude: < 40.6 } => "Mid-Atlantic",
        _ => "Northeast",
    };

    private static DealerDayHours[] CreateHours(ref SimRandom random)
    {
        var weekdayClose = random.Next(6, 10);
        var hours = new DealerDayHours[7];
        for (var i = 0; i < 7; i++)
        {
            var day = (DayOfWeek)((i + 1) % 7);
            hours[i] = day switch
            {
                DayOfWeek.Sunday when random.Chance(0.7) => new DealerDayHours(day, true, null, null),
                DayOfWeek.Sunday => new DealerDayHours(day, false, new TimeOnly(11, 0), new TimeOnly(17, 0)),
                DayOfWeek.Saturday => new DealerDayHours(day, false, new TimeOnly(9, 0), new TimeOnly(18, 0)),
                _ => new DealerDayHours(day, false, new TimeOnly(9, 0), new TimeOnly(12 + weekdayClose, 0)),
            };
        }
        return hours;
    }
}
