namespace Ingest.Simulator;

/// <summary>A model-year code with the number of vehicles in national inventory on a given date.</summary>
public sealed record ModelYearCodeCount(string ModelYearCode, string ModelName, int ModelYear, int VehicleCount);
