namespace Ingest.Simulator;

/// <summary>A vehicle's <c>inventoryStatus</c>.</summary>
internal enum VehicleStatus : byte
{
    InStock,
    InTransit,
    Reserved,
}
