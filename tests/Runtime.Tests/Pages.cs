using System.Text;
using Apache.Arrow;
using Ingest.Extraction;

namespace Ingest.Runtime.Tests;

/// <summary>Builds JSON pages and runs them through an entity's generated extractor.</summary>
internal static class Pages
{
    /// <summary>A page with the records at <c>items</c>: each record is a JSON object text.</summary>
    public static byte[] Items(params string[] records) => Utf8("{\"items\":[" + string.Join(",", records) + "]}");

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Extracts the pages (labelled <c>page 1</c>, <c>page 2</c>…) into one batch.</summary>
    public static ExtractedBatch Extract<TEntity>(params byte[][] pages) where TEntity : IEntity
    {
        EntityExtractor extractor = TEntity.CreateExtractor();
        for (int i = 0; i < pages.Length; i++) extractor.AppendPage(pages[i], $"page {i + 1}");
        return extractor.TakeBatch();
    }

    /// <summary>Extracts records given as JSON object texts, in one <c>items</c> page.</summary>
    public static ExtractedBatch ExtractItems<TEntity>(params string[] records) where TEntity : IEntity =>
        Extract<TEntity>(Items(records));

    public static TArray Column<TArray>(this ExtractedBatch batch, string name) where TArray : IArrowArray
    {
        int index = batch.Batch.Schema.GetFieldIndex(name);
        Assert.True(index >= 0, $"no column {name}");
        return Assert.IsType<TArray>(batch.Batch.Column(index));
    }

    public static List<string?> Strings(this ExtractedBatch batch, string name)
    {
        StringArray array = batch.Column<StringArray>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.IsNull(i) ? null : array.GetString(i))];
    }

    public static List<int?> Int32s(this ExtractedBatch batch, string name)
    {
        Int32Array array = batch.Column<Int32Array>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];
    }

    public static List<long?> Int64s(this ExtractedBatch batch, string name)
    {
        Int64Array array = batch.Column<Int64Array>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];
    }

    public static List<double?> Doubles(this ExtractedBatch batch, string name)
    {
        DoubleArray array = batch.Column<DoubleArray>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];
    }

    public static List<decimal?> Decimals(this ExtractedBatch batch, string name)
    {
        Decimal128Array array = batch.Column<Decimal128Array>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];
    }

    public static List<bool?> Booleans(this ExtractedBatch batch, string name)
    {
        BooleanArray array = batch.Column<BooleanArray>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetValue(i))];
    }

    public static List<DateOnly?> Dates(this ExtractedBatch batch, string name)
    {
        Date32Array array = batch.Column<Date32Array>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetDateOnly(i))];
    }

    public static List<DateTimeOffset?> Timestamps(this ExtractedBatch batch, string name)
    {
        TimestampArray array = batch.Column<TimestampArray>(name);
        return [.. Enumerable.Range(0, array.Length).Select(i => array.GetTimestamp(i))];
    }

    /// <summary>A list column's rows as lists of the child's values (read with <paramref name="item"/>), null rows as null.</summary>
    public static List<List<T>?> Lists<TChild, T>(this ExtractedBatch batch, string name, Func<TChild, int, T> item) where TChild : IArrowArray
    {
        ListArray array = batch.Column<ListArray>(name);
        var rows = new List<T>?[array.Length];
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row)) continue;
            var values = (TChild)array.GetSlicedValues(row);
            rows[row] = [.. Enumerable.Range(0, values.Length).Select(i => item(values, i))];
        }
        return [.. rows];
    }

    public static ColumnFailures Failures(this ExtractionReport report, string column) =>
        Assert.Single(report.Failures, f => f.Column == column);
}
