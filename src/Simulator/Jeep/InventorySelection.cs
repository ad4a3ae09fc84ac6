namespace Ingest.Simulator;

/// <summary>The vehicles matching a search (date, code, zip, radius) in served order, and the point distances are measured from.</summary>
internal sealed record InventorySelection(InventoryDay Day, int[] Slots, GeoPoint Origin, string? ModelYearCode);
