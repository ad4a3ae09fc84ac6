using Apache.Arrow;
using Ingest.Extraction;

namespace Ingest.Entities.Tests;

/// <summary>Every batch an entity's extractor produced from a sequence of pages, with their reports merged.</summary>
internal sealed class ExtractedTable : IDisposable
{
    private readonly List<ExtractedBatch> _batches = [];

    private ExtractedTable(Schema schema) => Schema = schema;

    public Schema Schema { get; }

    public IEnumerable<RecordBatch> Batches => _batches.Select(b => b.Batch);

    public int Rows => _batches.Sum(b => b.Length);

    public int Pages => _batches.Sum(b => b.Report.Pages);

    public IReadOnlyList<ColumnFailures> Failures => [.. _batches.SelectMany(b => b.Report.Failures)];

    /// <summary>Unknown fields by dotted path, counted over all batches.</summary>
    public IReadOnlyDictionary<string, int> UnknownFields =>
        _batches.SelectMany(b => b.Report.UnknownFields).GroupBy(u => u.Path).ToDictionary(g => g.Key, g => g.Sum(u => u.Count));

    public IReadOnlyList<InvalidPage> InvalidPages => [.. _batches.SelectMany(b => b.Report.InvalidPages)];

    public IReadOnlyList<string> PagesWithoutRecords => [.. _batches.SelectMany(b => b.Report.PagesWithoutRecords)];

    public int SkippedRecords => _batches.Sum(b => b.Report.SkippedRecords);

    /// <summary>Runs <typeparamref name="TEntity"/>'s extractor over <paramref name="pages"/>, batch by batch.</summary>
    public static ExtractedTable Extract<TEntity>(IEnumerable<byte[]> pages, string source)
        where TEntity : IEntity
    {
        EntityExtractor extractor = TEntity.CreateExtractor();
        var table = new ExtractedTable(TEntity.ArrowSchema);
        int number = 0;
        foreach (byte[] page in pages)
        {
            extractor.AppendPage(page, $"{source} page {++number}");
            if (extractor.HasFullBatch) table._batches.Add(extractor.TakeBatch());
        }
        if (extractor.PendingRows > 0 || table._batches.Count == 0) table._batches.Add(extractor.TakeBatch());
        return table;
    }

    /// <summary>
    /// Asserts every value was coerced, every page parsed and had records, and the only fields the entity skipped are
    /// <paramref name="expectedUnknownFields"/> (by dotted path).
    /// </summary>
    public void AssertClean(params string[] expectedUnknownFields)
    {
        Assert.True(Failures.Count == 0, "Coercion failures: " + string.Join("; ", Failures.Select(f =>
            $"{f.Column} x{f.Count} (e.g. {string.Join(", ", f.Samples.Select(s => $"\"{s.RawText}\" in {s.Page}"))})")));
        Assert.True(InvalidPages.Count == 0, "Invalid pages: " + string.Join("; ", InvalidPages.Select(p => $"{p.Page}: {p.Reason}")));
        Assert.True(PagesWithoutRecords.Count == 0, "Pages without records: " + string.Join(", ", PagesWithoutRecords));
        Assert.Equal(0, SkippedRecords);
        Assert.Equal(expectedUnknownFields.Order(StringComparer.Ordinal), UnknownFields.Keys.Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        foreach (ExtractedBatch batch in _batches) batch.Dispose();
        _batches.Clear();
    }
}
