namespace Ingest.Simulator;

/// <summary>A Mercedes-Benz model in the simulator's catalogue.</summary>
internal sealed record MercedesModel(string ModelId, string ModelName, decimal BaseMsrp, MercedesCode FuelType, MercedesCode DriveTrain, string Engine, int Horsepower, double Share);
