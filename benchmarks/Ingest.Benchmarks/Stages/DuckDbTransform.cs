using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Ingest.Benchmarks.Contenders;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// DuckDB doing the transformed stage's job in process (<c>SET threads = 1</c>): <c>read_parquet</c> over the raw
/// partition's committed files (the ones its <c>_manifest.json</c> lists), each page's <c>body</c> (BLOB) turned into
/// text with <c>decode</c> (UTF-8 validated; <c>CAST(body AS VARCHAR)</c> would escape non-ASCII bytes as <c>\xNN</c>),
/// parsed by <c>json_transform</c> into the same typed structure <see cref="DuckDbReadJson"/> gives <c>read_json</c>,
/// vehicles unnested, the same 73-column projection
/// (<see cref="DuckDbReadJson.ProjectionSql"/>), and <c>COPY … TO '…/part.parquet' (FORMAT PARQUET)</c> (Snappy, as ours).
/// No NDJSON file is written: the bodies go from Parquet to JSON inside the one query.
/// </summary>
public sealed class DuckDbTransform : DuckDbJob
{
    public DuckDbTransform(int threads = 1) : base(threads) => Execute(DuckDbReadJson.Macros);

    /// <summary>The committed files of a partition, from its manifest (absolute paths).</summary>
    public static IReadOnlyList<string> PartitionFiles(string warehouse, string ns, string table, DateOnly date)
    {
        string directory = Path.Combine(warehouse, ns, table, $"partition_date={date:yyyy-MM-dd}");
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "_manifest.json")));
        return [.. manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.Combine(directory, f.GetProperty("path").GetString()!))];
    }

    /// <summary>
    /// One row per vehicle in a column <c>v</c>, from the raw pages whose outcome is <c>fetched</c>:
    /// <c>json_transform(decode(body), &lt;structure&gt;)</c> with <see cref="DuckDbReadJson.PageStructure"/>
    /// (<c>json_transform</c> ignores keys the structure does not name, as <c>read_json</c> with <c>columns</c> does;
    /// a plain <c>CAST(… AS STRUCT(…))</c> of JSON rejects them).
    /// </summary>
    public static string VehiclesFromRawSql(IReadOnlyList<string> files) => $"""
        SELECT unnest(p.result.data.vehicles) AS v
        FROM (
            SELECT json_transform(decode(body), {Quote(DuckDbReadJson.PageStructure)}) AS p
            FROM read_parquet({QuoteList(files)})
            WHERE outcome = 'fetched'
        )
        """;

    public static string CopySql(IReadOnlyList<string> files, string outputFile) =>
        $"COPY ({DuckDbReadJson.ProjectionSql(VehiclesFromRawSql(files))}) TO {Quote(outputFile)} (FORMAT PARQUET)";

    /// <summary>Runs the COPY.</summary>
    public void Copy(IReadOnlyList<string> files, string outputFile) => Execute(CopySql(files, outputFile));

    /// <inheritdoc/>
    public override void Copy(IReadOnlyList<IReadOnlyList<string>> day, IReadOnlyList<string> history, DateOnly date, string outputFile) =>
        Copy(day[0], outputFile);

    /// <summary>
    /// Where DuckDB's time goes: the same pipeline cut short at each step, each timed separately (so each includes the
    /// steps before it).
    /// </summary>
    public IReadOnlyList<(string Step, TimeSpan Elapsed, string Result)> Probe(IReadOnlyList<string> files)
    {
        string list = QuoteList(files);
        string structure = Quote(DuckDbReadJson.PageStructure);
        (string, string)[] steps =
        [
            ("read_parquet: sum(octet_length(body))", $"SELECT sum(octet_length(body)) FROM read_parquet({list}) WHERE outcome = 'fetched'"),
            ("+ decode to VARCHAR: sum(length)", $"SELECT sum(length(decode(body))) FROM read_parquet({list}) WHERE outcome = 'fetched'"),
            ("+ JSON parse: sum(json_array_length(vehicles))", $"SELECT sum(json_array_length(CAST(decode(body) AS JSON), '$.result.data.vehicles')) FROM read_parquet({list}) WHERE outcome = 'fetched'"),
            ("+ json_transform to the typed STRUCT, unnest: count(*)", $"SELECT count(*) FROM (SELECT unnest(p.result.data.vehicles) AS v FROM (SELECT json_transform(decode(body), {structure}) AS p FROM read_parquet({list}) WHERE outcome = 'fetched'))"),
            ("+ 73-column projection: count(*) of a temp table", $"CREATE OR REPLACE TEMP TABLE probe AS {DuckDbReadJson.ProjectionSql(VehiclesFromRawSql(files))}; SELECT count(*) FROM probe"),
        ];
        var results = new List<(string, TimeSpan, string)>();
        foreach ((string step, string sql) in steps)
        {
            long started = Stopwatch.GetTimestamp();
            using DuckDBCommand command = Connection.CreateCommand();
            command.CommandText = sql;
            object? value = command.ExecuteScalar();
            results.Add((step, Stopwatch.GetElapsedTime(started), Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"));
        }
        Execute("DROP TABLE IF EXISTS probe");
        return results;
    }

}
