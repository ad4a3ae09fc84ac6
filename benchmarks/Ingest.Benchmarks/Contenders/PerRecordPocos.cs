using System.Text.Json;
using Apache.Arrow;
using Ingest.Benchmarks.Pocos;

namespace Ingest.Benchmarks.Contenders;

/// <summary>
/// What a team writes today: each page deserialized with System.Text.Json's source-generated metadata
/// (<see cref="InventoryJsonContext"/>) into POCOs, then every record mapped into the stock Arrow builders
/// (<see cref="VehicleBatchBuilder"/>), a record batch per <c>batchSize</c> rows.
/// </summary>
public static class PerRecordPocos
{
    public static long Run(VehicleBatchBuilder builder, byte[][] pages, int batchSize, Action<RecordBatch>? inspect = null)
    {
        long rows = 0;
        foreach (byte[] page in pages)
        {
            InventoryPage? parsed = JsonSerializer.Deserialize(page, InventoryJsonContext.Default.InventoryPage);
            List<VehicleRecord>? vehicles = parsed?.Result?.Data?.Vehicles;
            if (vehicles is null) continue;
            foreach (VehicleRecord vehicle in vehicles)
            {
                builder.Append(vehicle);
                if (builder.Count == batchSize) rows += Flush(builder, inspect);
            }
        }
        return builder.Count > 0 ? rows + Flush(builder, inspect) : rows;
    }

    private static int Flush(VehicleBatchBuilder builder, Action<RecordBatch>? inspect)
    {
        using RecordBatch batch = builder.Build();
        inspect?.Invoke(batch);
        return batch.Length;
    }
}
