using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks.Contenders;

/// <summary>The product: the extractor the source generator compiled from <see cref="StellantisVehicle"/>.</summary>
public static class GeneratedExtractor
{
    public static long Run(EntityExtractor extractor, byte[][] pages)
    {
        long rows = 0;
        foreach (byte[] page in pages)
        {
            extractor.AppendPage(page);
            if (extractor.HasFullBatch) rows += Take(extractor);
        }
        return rows + Take(extractor);
    }

    private static int Take(EntityExtractor extractor)
    {
        using ExtractedBatch batch = extractor.TakeBatch();
        if (!batch.Report.IsClean && batch.Report.FailureCount > 0)
            throw new InvalidOperationException("The benchmark workload should coerce cleanly: " + string.Join(", ", batch.Report.Failures));
        return batch.Length;
    }
}
