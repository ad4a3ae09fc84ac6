using Apache.Arrow;
using Ingest.Benchmarks.Contenders;
using Ingest.Tables;
using Ingest.Tiers;
using Table = Ingest.Tables.Table;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// DuckDB doing the transformed stage's job the way the issue names it: <c>read_json</c> over the raw bodies (typed
/// with <c>columns</c>, as the extraction benchmark's <c>read_json</c> contender), the same 73-column projection,
/// <c>COPY … TO '…/part.parquet' (FORMAT PARQUET)</c>. <c>read_json</c> reads files, so the raw partition's fetched
/// bodies are first written out as one NDJSON file (<see cref="ExportBodies"/>, before the timed runs and not timed):
/// the bodies as a pipeline that keeps its pages as JSON files has them, uncompressed, in the page cache.
/// <see cref="DuckDbTransform"/> is the stronger formulation (<c>json_transform</c> over the Parquet body column,
/// 3-5× faster than <c>read_json</c>), and the one the headline comparison uses.
/// </summary>
public sealed class DuckDbTransformReadJson : DuckDbJob
{
    public DuckDbTransformReadJson(int threads = 1) : base(threads) => Execute(DuckDbReadJson.Macros);

    /// <summary>Where the bodies of a partition are exported for <c>read_json</c>: beside DuckDB's output file.</summary>
    public static string BodiesFile(string outputFile, DateOnly date) =>
        Path.Combine(Path.GetDirectoryName(outputFile)!, $"raw_bodies_{date:yyyy-MM-dd}.ndjson");

    /// <summary>Writes the fetched bodies of the raw partition, in the partition's order, one per line; returns the bytes written.</summary>
    public static long ExportBodies(string warehouse, DateOnly date, string path)
    {
        Table raw = new TableStore(warehouse).OpenTable("stellantis", "raw_inventory");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        foreach (RecordBatch batch in raw.ReadPartitionAsync(date).ToBlockingEnumerable())
        {
            using (batch)
            {
                var outcome = (StringArray)batch.Column(batch.Schema.GetFieldIndex(RawTier.Outcome));
                var body = (BinaryArray)batch.Column(batch.Schema.GetFieldIndex(RawTier.Body));
                for (int row = 0; row < batch.Length; row++)
                    if (outcome.GetString(row) == "fetched") DuckDbReadJson.WriteNdjsonLine(file, body.GetBytes(row));
            }
        }
        return file.Length;
    }

    /// <inheritdoc/>
    public override void Copy(IReadOnlyList<IReadOnlyList<string>> day, IReadOnlyList<string> history, DateOnly date, string outputFile)
    {
        string bodies = BodiesFile(outputFile, date);
        if (!File.Exists(bodies)) throw new FileNotFoundException($"{bodies} is missing: the parent exports it before the runs.");
        Execute($"COPY ({DuckDbReadJson.ProjectionSql(DuckDbReadJson.ReadJsonVehiclesSql(bodies))}) TO {Quote(outputFile)} (FORMAT PARQUET)");
    }
}
