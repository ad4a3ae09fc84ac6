using Apache.Arrow;
using Ingest.Coercers;
using Ingest.Sources;
using Ingest.Tables;
using Ingest.Tiers;
using Ingest.Transforms;
using Table = Ingest.Tables.Table;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>
/// The example of docs/declaring-entities.md, as a user writes it in a project of their own: their entity, their
/// upstream's options, then the raw and transformed stages into a warehouse. If this stops compiling or working, the
/// page is wrong.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class YourOwnEntityTests(SimulatorFixture fixture) : IDisposable
{
    private readonly string _warehouse = Path.Combine(Path.GetTempPath(), "ingest-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_warehouse)) Directory.Delete(_warehouse, recursive: true);
    }

    [Fact]
    public async Task The_documented_pipeline_writes_a_users_entity_to_a_table()
    {
        fixture.Fresh();
        string[] codes = [.. fixture.CodesNearNewYork().Take(2).Select(c => c.Code)];

        TransformedStageReport vehicles = await PagesToTablesAsync(fixture.Server.BaseAddress, _warehouse, SimulatorFixture.Today, codes);

        var expected = codes.SelectMany(code => fixture.Server.Pages.Vehicles(fixture.Query(code))).ToDictionary(v => v.Vin);
        Assert.Equal(expected.Count, vehicles.RowsOut);
        Assert.Equal(0, vehicles.CoercionFailureCount);
        Table table = new TableStore(_warehouse).OpenTable("transformed", "jeep_inventory");
        int rows = 0;
        await foreach (RecordBatch batch in table.ReadPartitionAsync(SimulatorFixture.Today))
        {
            using (batch)
            {
                var vins = (StringArray)batch.Column("vin");
                var msrp = (Decimal128Array)batch.Column("msrp");
                var isDemo = (BooleanArray)batch.Column("is_demo");
                var modelYearCode = (StringArray)batch.Column("model_year_code");
                for (int i = 0; i < batch.Length; i++, rows++)
                {
                    var truth = expected[vins.GetString(i)];
                    Assert.Equal(truth.Msrp, msrp.GetValue(i));
                    Assert.Equal(truth.IsDemo, isDemo.GetValue(i));
                    Assert.Equal(truth.Ccode[..9], modelYearCode.GetString(i));
                }
            }
        }
        Assert.Equal(expected.Count, rows);
    }

    // From docs/declaring-entities.md, "Pages to tables" (the page has literal model-year codes).
    private static async Task<TransformedStageReport> PagesToTablesAsync(Uri upstream, string warehouse, DateOnly date, string[] codes)
    {
        var source = new PagedSourceOptions
        {
            SourceName = "jeep",
            BaseAddress = upstream,
            RequestPath = "hostd/inventory/getinventoryresults.json?zip=10001&radius=50&modelYearCode={subResource}",
            Pagination = new PageNumberPagination(new PageEnvelope(
                recordsPath: "result.data.vehicles",
                totalPaths: ["result.data.metadata.totalcount"],
                statusPath: "result.result",
                successValue: "SUCCESS",
                errorTextPaths: ["result.errors.errorDesc"])),
        };

        // Pages to the raw table raw/jeep, one row per page; resumes if interrupted.
        RawStageReport raw = await RawStage.RunAsync(date, warehouse, new RawStageOptions
        {
            Source = source,
            SubResources = [.. codes.Select(code => new SubResource(code))],
        });

        // The raw partition through the generated extractor to transformed/jeep_inventory; never asks the upstream.
        TransformedStageReport vehicles = await TransformedStage.RunAsync<DocsJeepVehicle>(date, warehouse, new TransformedStageOptions { RawTable = "jeep" });

        // Every vehicle ever seen, with first_seen, last_seen, last_changed and is_active, to consolidated/jeep_inventory.
        ConsolidatedStageReport history = await ConsolidatedStage.RunAsync<DocsJeepVehicle>(date, warehouse, new ConsolidatedStageOptions { SourceTable = "jeep_inventory" });
        Assert.Equal(0, raw.FailedPages);
        Assert.Equal(vehicles.RowsOut, history.NewKeys);
        Assert.Equal(vehicles.RowsOut, history.RowsOut);
        return vehicles;
    }
}

/// <summary>The entity of docs/declaring-entities.md ("Five minutes"), as written there.</summary>
[Entity("jeep_inventory", Records = "result.data.vehicles", Key = [nameof(Vin)])]
public sealed partial class DocsJeepVehicle
{
    [Coerce<Trim>, Coerce<Upper>]
    public string? Vin { get; init; }

    [Alias("llp")]
    public string? LowerLevelPackage { get; init; }

    [Path("price.msrp"), Coerce<FormattedNumber>]
    public decimal? Msrp { get; init; }

    [Path("attributes.attributes[typeDesc=Drive].value")]
    public string? Drive { get; init; }

    [Coerce<Flag>]
    public bool? IsDemo { get; init; }

    [Coerce<FlexibleDate>]
    public DateOnly? ProductionDate { get; init; }

    public string? Ccode { get; init; }

    [Transform<Substring>(nameof(Ccode), "0,9")]
    public string? ModelYearCode { get; init; }
}
