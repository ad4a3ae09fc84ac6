namespace Ingest.Runner.Stages;

/// <summary>
/// The Jeep model-year codes a national run fetches. The public API has no endpoint that lists them; the list is the
/// brand's current lines (the simulator serves the same catalog), overridable with <c>INGEST_MODEL_YEAR_CODES</c>.
/// </summary>
public static class StellantisModelYearCodes
{
    public static IReadOnlyList<string> Jeep => Ingest.Simulator.JeepInventory.AllModelYearCodes;
}
