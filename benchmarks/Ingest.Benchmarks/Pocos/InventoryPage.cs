namespace Ingest.Benchmarks.Pocos;

/// <summary>One page of the inventory API as a team would model it: the envelope down to the vehicle list.</summary>
public sealed class InventoryPage
{
    public InventoryResult? Result { get; set; }
}

/// <summary><c>result</c>: the status word and the data.</summary>
public sealed class InventoryResult
{
    public string? Result { get; set; }

    public InventoryData? Data { get; set; }
}

/// <summary><c>result.data</c>: the vehicles of the page (metadata and errors are not read).</summary>
public sealed class InventoryData
{
    public List<VehicleRecord>? Vehicles { get; set; }
}
