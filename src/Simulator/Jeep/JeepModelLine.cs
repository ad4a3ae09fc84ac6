namespace Ingest.Simulator;

/// <summary>A Jeep model line (Wrangler, Compass, ...): everything shared by the vehicles of its model-year codes.</summary>
internal sealed record JeepModelLine(
    string LineCode,
    string ConsumerFamily,
    string ModelName,
    string DescPrefix,
    string ImageCode,
    string BodyStyle,
    string Wmi,
    char Plant,
    int TowingLbs,
    decimal Wheelbase,
    decimal FuelCapacityGallons,
    decimal Destination,
    TrimLevel[] Trims,
    EngineOption[] Engines,
    TransmissionOption[] Transmissions);
