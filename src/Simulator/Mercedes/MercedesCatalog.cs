namespace Ingest.Simulator;

/// <summary>Models, paints and upholsteries the Mercedes-Benz simulator draws from (plausible, not official).</summary>
internal static class MercedesCatalog
{
    private static readonly MercedesCode Gas = new("G", "Gasoline");
    private static readonly MercedesCode Electric = new("E", "Electric");
    private static readonly MercedesCode PlugIn = new("P", "Plug-In Hybrid");
    private static readonly MercedesCode AllWheel = new("4MATIC", "All-Wheel Drive");
    private static readonly MercedesCode RearWheel = new("RWD", "Rear-Wheel Drive");

    public static IReadOnlyList<MercedesModel> Models { get; } =
    [
        new("C300W", "C 300 Sedan", 48100m, Gas, RearWheel, "2.0L inline-4 turbo", 255, 0.10),
        new("C300W4", "C 300 4MATIC Sedan", 50100m, Gas, AllWheel, "2.0L inline-4 turbo", 255, 0.10),
        new("GLC300W4", "GLC 300 4MATIC SUV", 51000m, Gas, AllWheel, "2.0L inline-4 turbo", 255, 0.20),
        new("GLE350W4", "GLE 350 4MATIC SUV", 62950m, Gas, AllWheel, "2.0L inline-4 turbo", 255, 0.12),
        new("GLE450W4", "GLE 450e 4MATIC SUV", 73900m, PlugIn, AllWheel, "2.0L inline-4 turbo plug-in hybrid", 381, 0.06),
        new("E350W4", "E 350 4MATIC Sedan", 64500m, Gas, AllWheel, "2.0L inline-4 turbo", 255, 0.08),
        new("GLA250W4", "GLA 250 4MATIC SUV", 44150m, Gas, AllWheel, "2.0L inline-4 turbo", 221, 0.09),
        new("GLB250W4", "GLB 250 4MATIC SUV", 47250m, Gas, AllWheel, "2.0L inline-4 turbo", 221, 0.08),
        new("EQE350V", "EQE 350+ SUV", 79050m, Electric, RearWheel, "Electric motor", 288, 0.05),
        new("S580V4", "S 580 4MATIC Sedan", 128900m, Gas, AllWheel, "4.0L V8 biturbo", 496, 0.04),
        new("G550W4", "G 550 SUV", 148250m, Gas, AllWheel, "3.0L inline-6 turbo", 443, 0.03),
        new("CLA250W", "CLA 250 Coupe", 43850m, Gas, RearWheel, "2.0L inline-4 turbo", 221, 0.05),
    ];

    public static IReadOnlyList<MercedesColor> Paints { get; } =
    [
        new("149", "Polar White", "149U", 0m),
        new("197", "Obsidian Black metallic", "197U", 750m),
        new("775", "Iridium Silver metallic", "775U", 750m),
        new("992", "Selenite Grey metallic", "992U", 750m),
        new("890", "Cavansite Blue metallic", "890U", 750m),
        new("996", "MANUFAKTUR Patagonia Red metallic", "996U", 1750m),
        new("799", "MANUFAKTUR Alpinweiß magno", "799U", 3950m),
    ];

    public static IReadOnlyList<MercedesColor> Upholsteries { get; } =
    [
        new("101", "Black MB-Tex", "101A", 0m),
        new("201", "Black Leather", "201A", 1620m),
        new("204", "Macchiato Beige/Black Leather", "204A", 1620m),
        new("521", "Sienna Brown/Black Nappa Leather", "521A", 2450m),
        new("9P1", "Bois de Rosé Nappa", "9P1A", 3200m),
    ];
}
