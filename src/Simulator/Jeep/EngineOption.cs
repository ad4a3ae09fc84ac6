namespace Ingest.Simulator;

/// <summary>An engine a model line offers, with the figures the inventory record reports for it.</summary>
internal sealed record EngineOption(
    string Code, string Description, int Horsepower, int Torque, int CityMpg, int HighwayMpg,
    string PowerSource, string FuelType, int? ElectricRangeMiles, char VinLetter);
