using System.Globalization;

namespace Ingest.Benchmarks.Stages;

/// <summary>
/// One comparison of <see cref="StageVsDuckDb"/>: the stage as users run it (<c>ingest stage &lt;scenario&gt; &lt;stage&gt;</c>),
/// the tables it reads and writes under the <c>stellantis</c> namespace, its DuckDB counterpart, and the columns the
/// check compares.
/// </summary>
/// <param name="Name">The job's name: <c>&lt;name&gt;-vs-duckdb</c> on the command line.</param>
/// <param name="DayTables">The tables whose partition of the date it reads, main source first.</param>
/// <param name="ReadsHistory">Whether it also reads <paramref name="OutputTable"/>'s latest partition before the date.</param>
/// <param name="CheckedColumns">The columns both outputs must agree on; null: every column of ours but <c>vin</c> (the join key) and <c>_snapshot</c>.</param>
public sealed record StageJob(
    string Name,
    string Scenario,
    string Stage,
    IReadOnlyList<string> DayTables,
    string OutputTable,
    bool ReadsHistory,
    Func<int, DuckDbJob> CreateDuckDb,
    IReadOnlyList<string>? CheckedColumns)
{
    public static StageJob Transformed { get; } = new("transformed", "stellantis_jeep_inventory", "transformed_vehicles",
        ["raw_inventory"], "transformed_vehicles_from_inventory", ReadsHistory: false, threads => new DuckDbTransform(threads),
        [
            "model_year", "dealer_zip_code", "latitude", "msrp", "net_price", "drive", "doors", "fuel_capacity",
            "in_transit", "city_mpg", "towing_capacity", "wheelbase", "date_in_stock", "estimated_delivery_date",
            "is_demo", "ccode_model", "dealer_zip5", "exterior_image_url", "options",
        ]);

    /// <summary>
    /// The transformed stage against DuckDB's <c>read_json</c> over the raw bodies (exported as NDJSON first), the
    /// comparison as issue 4 words it; <see cref="Transformed"/> is against DuckDB's faster formulation.
    /// </summary>
    public static StageJob TransformedReadJson { get; } = Transformed with
    {
        Name = "transformed-read-json",
        CreateDuckDb = threads => new DuckDbTransformReadJson(threads),
    };

    public static StageJob Consolidated { get; } = new("consolidated", "stellantis_jeep_inventory", "consolidated_vehicles",
        ["transformed_vehicles_from_inventory"], "consolidated_vehicles", ReadsHistory: true, threads => new DuckDbConsolidate(threads),
        ["_snapshot", "first_seen", "last_seen", "last_changed", "is_active", "msrp", "dealer_notes", "options"]);

    /// <summary>
    /// The inventory and the dealer feed merged per VIN (<c>stellantis/consolidated/vehicles_with_dealer_feed</c>);
    /// <c>_snapshot</c> is each side's own hash, so it is left out of the check (<c>last_changed</c>, which compares
    /// snapshots, is in).
    /// </summary>
    public static StageJob Merged { get; } = new("merged", "stellantis_jeep_dealer_feed_fast", "consolidated_vehicles",
        ["transformed_vehicles_from_inventory", "transformed_vehicles_from_dealer_feed"], "consolidated_vehicles_with_dealer_feed",
        ReadsHistory: true, threads => new DuckDbMerge(threads), CheckedColumns: null);

    /// <summary>The history's date: <see cref="OutputTable"/>'s latest partition before <paramref name="date"/>, or null (none, or the job reads no history).</summary>
    public DateOnly? HistoryDate(string warehouse, DateOnly date)
    {
        string table = Path.Combine(warehouse, "stellantis", OutputTable);
        return ReadsHistory && Directory.Exists(table)
            ? Directory.EnumerateDirectories(table, "partition_date=*")
                .Select(folder => DateOnly.ParseExact(Path.GetFileName(folder)["partition_date=".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Where(d => d < date).Select(d => (DateOnly?)d).Max()
            : null;
    }

    /// <summary>The committed files of each day table's partition, main source first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> DayFiles(string warehouse, DateOnly date) =>
        [.. DayTables.Select(table => DuckDbTransform.PartitionFiles(warehouse, "stellantis", table, date))];

    /// <summary>The committed files of the history partition; none when there is no history.</summary>
    public IReadOnlyList<string> HistoryFiles(string warehouse, DateOnly date) =>
        HistoryDate(warehouse, date) is { } history ? DuckDbTransform.PartitionFiles(warehouse, "stellantis", OutputTable, history) : [];

    /// <summary>Every partition the job reads: the day tables', then the history's if any.</summary>
    public IReadOnlyList<(string Table, DateOnly Date)> Inputs(string warehouse, DateOnly date) =>
        [.. DayTables.Select(table => (table, date)), .. HistoryDate(warehouse, date) is { } history ? [(OutputTable, history)] : Array.Empty<(string, DateOnly)>()];
}
