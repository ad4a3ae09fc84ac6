using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Extraction;

/// <summary>
/// A record batch with the report of how it was extracted. Dispose it when done with the batch: its Arrow
/// buffers are pooled arrays that return to the pool then, so steady-state extraction allocates little.
/// </summary>
public sealed class ExtractedBatch(RecordBatch batch, ExtractionReport report, BatchBuffers buffers) : IDisposable
{
    public RecordBatch Batch { get; } = batch;

    public ExtractionReport Report { get; } = report;

    public int Length => Batch.Length;

    public void Dispose()
    {
        Batch.Dispose();
        buffers.Dispose();
    }
}
