namespace Ingest.Simulator;

/// <summary>A trim of a model line: its 6-character model code, base price, layout and the engines it may carry (indices into the line's engines).</summary>
internal sealed record TrimLevel(
    string Name, string DescSuffix, string ModelCode, decimal BaseMsrp, int Doors, int Seats, string Drive, int[] Engines);
