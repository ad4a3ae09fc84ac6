namespace Ingest.Simulator;

/// <summary>
/// The Jeep product catalogue the simulator draws from: model lines, trims, engines, paints, interiors, option
/// codes and incentive programs, and the model-year codes with their share of national inventory.
/// Figures are plausible, not official.
/// </summary>
internal static class JeepCatalog
{
    private static readonly TransmissionOption Auto8 = new("DFT", "8-Speed Automatic");
    private static readonly TransmissionOption Manual6 = new("DEG", "6-Speed Manual");
    private static readonly TransmissionOption Auto9 = new("DFH", "9-Speed Automatic");
    private static readonly TransmissionOption Single = new("DGA", "1-Speed Automatic");

    private static readonly EngineOption V6 = new("ERC", "3.6L V6 24V VVT Engine", 285, 260, 17, 24, "Gas/Diesel", "Gasoline", null, 'G');
    private static readonly EngineOption Turbo4 = new("EC1", "2.0L I4 DOHC DI Turbo Engine", 270, 295, 20, 24, "Gas/Diesel", "Gasoline", null, 'F');
    private static readonly EngineOption Phev = new("EC3", "2.0L I4 DOHC DI Turbo PHEV Engine", 375, 470, 20, 21, "Plug-In Hybrid", "Hybrid", 21, 'P');
    private static readonly EngineOption Hemi392 = new("ESG", "6.4L V8 SRT HEMI MDS Engine", 470, 470, 13, 17, "Gas/Diesel", "Gasoline", null, 'J');
    private static readonly EngineOption Hemi57 = new("EZH", "5.7L V8 HEMI VVT Engine", 357, 390, 14, 22, "Gas/Diesel", "Gasoline", null, 'T');
    private static readonly EngineOption Hurricane = new("EFC", "3.0L Twin-Turbo I6 Hurricane Engine", 420, 468, 17, 24, "Gas/Diesel", "Gasoline", null, 'H');
    private static readonly EngineOption HurricaneHo = new("EFD", "3.0L Twin-Turbo I6 HO Hurricane Engine", 510, 500, 15, 21, "Gas/Diesel", "Gasoline", null, 'K');
    private static readonly EngineOption Compass4 = new("EC6", "2.0L I4 DOHC Turbo Engine", 200, 221, 24, 32, "Gas/Diesel", "Gasoline", null, 'B');
    private static readonly EngineOption Renegade13 = new("EJ2", "1.3L I4 Turbo MultiAir Engine", 177, 210, 24, 29, "Gas/Diesel", "Gasoline", null, 'A');
    private static readonly EngineOption Cherokee16 = new("EH1", "1.6L I4 Turbo Hybrid Engine", 210, 230, 37, 36, "Hybrid", "Hybrid", null, 'N');
    private static readonly EngineOption DualMotor = new("EVA", "Dual Electric Motor AWD", 600, 617, 0, 0, "All Electric", "Electric", 294, 'E');

    public static IReadOnlyList<JeepModelLine> Lines { get; } =
    [
        new("10", "wrangler", "Wrangler", "WRANGLER", "JL", "SUV", "1C4", 'W', 3500, 118.4m, 21.5m, 1895m,
            [
                new("Sport", "2-DOOR SPORT", "JLJL72", 33190m, 2, 4, "4x4", [0, 1]),
                new("Sport S", "4-DOOR SPORT S", "JLJL74", 40995m, 4, 5, "4x4", [0, 1, 2]),
                new("Willys", "4-DOOR WILLYS", "JLJM74", 45690m, 4, 5, "4x4", [0, 1, 2]),
                new("Sahara", "4-DOOR SAHARA", "JLJP74", 50995m, 4, 5, "4x4", [0, 1, 2]),
                new("Rubicon", "4-DOOR RUBICON", "JLJS74", 52590m, 4, 5, "4x4", [0, 1, 2]),
                new("Rubicon 392", "4-DOOR RUBICON 392", "JLJX74", 89495m, 4, 5, "4x4", [3]),
            ],
            [V6, Turbo4, Phev, Hemi392], [Auto8, Manual6]),
        new("20", "gladiator", "Gladiator", "GLADIATOR", "JT", "Pickup", "1C6", 'T', 7700, 137.3m, 22.0m, 1995m,
            [
                new("Sport", "SPORT 4X4", "JTJL98", 40395m, 4, 5, "4x4", [0]),
                new("Nighthawk", "NIGHTHAWK 4X4", "JTJP98", 47190m, 4, 5, "4x4", [0]),
                new("Mojave", "MOJAVE X 4X4", "JTJS98", 55395m, 4, 5, "4x4", [0]),
                new("Rubicon", "RUBICON X 4X4", "JTJT98", 58990m, 4, 5, "4x4", [0]),
            ],
            [V6], [Auto8, Manual6]),
        new("30", "grand-cherokee", "Grand Cherokee", "GRAND CHEROKEE", "WL", "SUV", "1C4", 'C', 6200, 116.7m, 23.0m, 1995m,
            [
                new("Laredo", "LAREDO 4X2", "WLEH74", 38490m, 4, 5, "4x2", [0]),
                new("Laredo X", "LAREDO X 4X4", "WLJH74", 43490m, 4, 5, "4x4", [0]),
                new("Limited", "LIMITED 4X4", "WLJP74", 48290m, 4, 5, "4x4", [0, 2]),
                new("Overland", "OVERLAND 4X4", "WLJS74", 58890m, 4, 5, "4x4", [0, 2]),
                new("Summit Reserve", "SUMMIT RESERVE 4X4", "WLJT74", 70990m, 4, 5, "4x4", [0, 2]),
            ],
            [V6, Hemi57, Phev], [Auto8]),
        new("31", "grand-cherokee-l", "Grand Cherokee L", "GRAND CHEROKEE L", "WL", "SUV", "1C4", 'C', 6200, 121.7m, 23.0m, 1995m,
            [
                new("Laredo", "L LAREDO 4X2", "WLEH75", 41165m, 4, 7, "4x2", [0]),
                new("Limited", "L LIMITED 4X4", "WLJP75", 50965m, 4, 7, "4x4", [0, 1]),
                new("Overland", "L OVERLAND 4X4", "WLJS75", 61565m, 4, 6, "4x4", [0, 1]),
            ],
            [V6, Hemi57], [Auto8]),
        new("40", "cherokee", "Cherokee", "CHEROKEE", "KM", "SUV", "1C4", 'B', 2000, 108.0m, 15.8m, 1795m,
            [
                new("Base", "BASE AWD", "KMJL74", 36995m, 4, 5, "AWD", [0]),
                new("Laredo", "LAREDO AWD", "KMJM74", 39995m, 4, 5, "AWD", [0]),
                new("Limited", "LIMITED AWD", "KMJP74", 42995m, 4, 5, "AWD", [0]),
            ],
            [Cherokee16], [Auto9]),
        new("50", "compass", "Compass", "COMPASS", "MP", "SUV", "3C4", 'M', 2000, 103.8m, 13.5m, 1595m,
            [
                new("Sport", "SPORT 4X4", "MPJL74", 27995m, 4, 5, "4x4", [0]),
                new("Latitude", "LATITUDE 4X4", "MPJM74", 30995m, 4, 5, "4x4", [0]),
                new("Limited", "LIMITED 4X4", "MPJP74", 34995m, 4, 5, "4x4", [0]),
                new("Trailhawk", "TRAILHAWK 4X4", "MPJS74", 36995m, 4, 5, "4x4", [0]),
            ],
            [Compass4], [Auto8]),
        new("60", "renegade", "Renegade", "RENEGADE", "BU", "SUV", "ZAC", 'P', 2000, 101.2m, 12.7m, 1595m,
            [
                new("Latitude", "LATITUDE 4X4", "BUJM74", 28995m, 4, 5, "4x4", [0]),
                new("Trailhawk", "TRAILHAWK 4X4", "BUJS74", 32995m, 4, 5, "4x4", [0]),
            ],
            [Renegade13], [Auto9]),
        new("70", "wagoneer", "Wagoneer", "WAGONEER", "WS", "SUV", "1C4", 'R', 10000, 123.0m, 26.5m, 2095m,
            [
                new("Series I", "SERIES I 4X4", "WSJL75", 62995m, 4, 8, "4x4", [0, 1]),
                new("Series II", "SERIES II 4X4", "WSJP75", 72995m, 4, 7, "4x4", [0, 1]),
                new("Series III", "SERIES III 4X4", "WSJS75", 82995m, 4, 7, "4x4", [1]),
            ],
            [Hurricane, HurricaneHo], [Auto8]),
        new("71", "grand-wagoneer", "Grand Wagoneer", "GRAND WAGONEER", "WS", "SUV", "1C4", 'R', 9850, 123.0m, 26.5m, 2095m,
            [
                new("Series I", "GRAND WAGONEER SERIES I", "WSJT75", 93995m, 4, 7, "4x4", [0]),
                new("Series II", "GRAND WAGONEER SERIES II", "WSJX75", 104995m, 4, 7, "4x4", [0]),
                new("Obsidian", "GRAND WAGONEER OBSIDIAN", "WSJY75", 111995m, 4, 7, "4x4", [0]),
            ],
            [HurricaneHo], [Auto8]),
        new("80", "wagoneer-s", "Wagoneer S", "WAGONEER S", "KW", "SUV", "1C4", 'E', 3500, 116.7m, 0m, 1995m,
            [
                new("Limited", "LIMITED AWD", "KWJP74", 69995m, 4, 5, "AWD", [0]),
                new("Launch Edition", "LAUNCH EDITION AWD", "KWJS74", 71995m, 4, 5, "AWD", [0]),
            ],
            [DualMotor], [Single]),
    ];

    /// <summary>Model-year codes with their share of national inventory; the shares sum to 1.</summary>
    public static IReadOnlyList<ModelYearCodeSpec> Codes { get; } = BuildCodes();

    public static IReadOnlyList<PaintColor> Paints { get; } =
    [
        new("PW7", "Bright White Clear-Coat", "#F5F5F2"),
        new("PX8", "Black Clear-Coat", "#0B0B0B"),
        new("PAU", "Granite Crystal Metallic Clear-Coat", "#4A4C4E"),
        new("PDN", "Sting-Gray Clear-Coat", "#8C8F91"),
        new("PRV", "Firecracker Red Clear-Coat", "#B3191E"),
        new("PBJ", "Hydro Blue Pearl-Coat", "#1F4E8C"),
        new("PGD", "Sarge Green Clear-Coat", "#5B6152"),
        new("PFB", "Earl Clear-Coat", "#A7A9A6"),
        new("PSC", "Silver Zynith Clear-Coat", "#C4C6C8"),
        new("PYJ", "Anvil Clear-Coat", "#6F7578"),
        new("PQ4", "Bleu Céleste Pearl-Coat", "#5A8FC4"),
        new("PKL", "Rouge Écarlate Metallic", "#7A1C22"),
    ];

    public static IReadOnlyList<InteriorOption> Interiors { get; } =
    [
        new("X9", "Black", "Black Cloth"),
        new("XL", "Black", "Black Leather-Trimmed Bucket Seats"),
        new("T9", "Global Black/Steel Gray", "Global Black Capri Leather"),
        new("R7", "Tupelo/Black", "Tupelo Nappa Leather"),
        new("J3", "Sea Salt/Black", "Sea Salt Premium Vinyl"),
        new("WP", "Café au Lait", "Café Laminated Leather"),
    ];

    public static IReadOnlyList<string> OptionCodes { get; } =
    [
        "ADE", "ALP", "AJ1", "AWL", "AHU", "ADG", "XAA", "LNX", "RC3", "UAQ", "GWJ", "HT1", "HT3", "MWH", "XBM",
        "CS3", "DMC", "AAN", "AEK", "ALK", "5N7", "TBW", "WFP", "XEX", "AJK",
    ];

    public static IReadOnlyList<string> CustomerPreferredPackages { get; } = ["21A", "22B", "23W", "24G", "25J", "26S", "27A", "2TW"];

    public static IReadOnlyList<string> StatusCodes { get; } = ["KZX", "KZA", "KZS", "KZT", "KZR"];

    public static IReadOnlyList<(string ProgramId, string Name)> IncentivePrograms { get; } =
    [
        ("25CN1", "National Retail Consumer Cash"),
        ("25BN2", "Bonus Cash \"Spring Event\""),
        ("25LY3", "Loyalty Bonus"),
        ("25CQ4", "Conquest Cash"),
        ("25MI5", "Military Rebate"),
        ("25FN6", "Finance Cash via Stellantis Financial"),
    ];

    private static ModelYearCodeSpec[] BuildCodes()
    {
        JeepModelLine Line(string code) => Lines.Single(l => l.LineCode == code);
        ModelYearCodeSpec Spec(int year, string line, double share) => new($"IUJ{year}{line}", Line(line), year, share);
        return
        [
            Spec(2025, "10", 0.22), Spec(2026, "10", 0.06),
            Spec(2025, "20", 0.05), Spec(2026, "20", 0.02),
            Spec(2025, "30", 0.21), Spec(2026, "30", 0.06),
            Spec(2025, "31", 0.05), Spec(2026, "31", 0.02),
            Spec(2026, "40", 0.03),
            Spec(2025, "50", 0.12), Spec(2026, "50", 0.06),
            Spec(2025, "60", 0.02),
            Spec(2025, "70", 0.03), Spec(2026, "70", 0.01),
            Spec(2025, "71", 0.015), Spec(2026, "71", 0.005),
            Spec(2025, "80", 0.01), Spec(2026, "80", 0.01),
        ];
    }
}
