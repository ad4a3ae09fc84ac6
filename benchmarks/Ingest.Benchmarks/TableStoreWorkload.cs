using Apache.Arrow;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// The batches the table store benchmarks write and hash: the extraction workload's 1,024 pages (51,200 vehicles,
/// 73 columns) through the generated extractor, cut into batches of <see cref="BatchRows"/> rows, kept alive.
/// </summary>
public sealed class TableStoreWorkload
{
    public const int BatchRows = 4_096;

    private static readonly Lazy<TableStoreWorkload> Shared = new(() => new TableStoreWorkload());

    private TableStoreWorkload()
    {
        EntityExtractor extractor = StellantisVehicle.CreateExtractor(BatchRows);
        var batches = new List<ExtractedBatch>();
        foreach (byte[] page in ExtractionWorkload.Instance.Pages)
        {
            extractor.AppendPage(page);
            if (extractor.HasFullBatch) batches.Add(extractor.TakeBatch());
        }
        if (extractor.PendingRows > 0) batches.Add(extractor.TakeBatch());
        Batches = [.. batches.Select(b => b.Batch)];
        Schema = StellantisVehicle.ArrowSchema;
        Rows = Batches.Sum(b => b.Length);
    }

    public static TableStoreWorkload Instance => Shared.Value;

    public RecordBatch[] Batches { get; }

    public Schema Schema { get; }

    public int Rows { get; }

    /// <summary>Peak resident set of this process so far (Linux <c>VmHWM</c>), in MiB; -1 elsewhere.</summary>
    public static double PeakRssMiB()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status)) return -1;
        foreach (string line in File.ReadLines(Status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return -1;
    }
}
