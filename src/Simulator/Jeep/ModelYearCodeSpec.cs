namespace Ingest.Simulator;

/// <summary>A model-year code (e.g. <c>IUJ202510</c>) and its share of the national inventory.</summary>
internal sealed record ModelYearCodeSpec(string Code, JeepModelLine Line, int ModelYear, double Share);
