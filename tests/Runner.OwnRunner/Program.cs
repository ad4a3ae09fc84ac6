// docs/your-own-runner.md: a team's own runner. Its entity and its stages, and the whole ingest command line over them
// (run, bench, compare, inspect, list, Dagster Pipes).
using Acme.Ingest;
using Ingest;
using Ingest.Coercers;
using Ingest.Runner;
using Ingest.Runner.Stages;
using Ingest.Sources;

var stages = new StageRegistry()
    .Raw("acme/raw/jeep", JeepPages.Source, JeepPages.ModelYearCodes)
    .Transformed<AcmeJeep>("acme/transformed/jeeps", "acme/raw/jeep")
    .Consolidated<AcmeJeep>("acme/consolidated/jeeps", "acme/transformed/jeeps");

return await IngestApp.RunAsync(args, stages);

namespace Acme.Ingest
{
    /// <summary>The few columns this team wants from the Jeep inventory API.</summary>
    [Entity("acme_jeeps", Records = "result.data.vehicles", Key = [nameof(Vin)])]
    public sealed partial class AcmeJeep
    {
        [Coerce<Trim>, Coerce<Upper>]
        public string? Vin { get; init; }

        public int? ModelYear { get; init; }

        [Path("price.msrp"), Coerce<FormattedNumber>]
        public decimal? Msrp { get; init; }

        [Path("attributes.attributes[typeDesc=Drive].value")]
        public string? Drive { get; init; }

        public string? DealerCode { get; init; }
    }

    /// <summary>Where the pages come from: the scenario's upstream (or the built-in simulator) and its settings.</summary>
    public static class JeepPages
    {
        public static PagedSourceOptions Source(StageContext context) => new()
        {
            SourceName = "jeep",
            BaseAddress = context.RequireUpstream(),
            RequestPath = "hostd/inventory/getinventoryresults.json?zip=" + context.Setting("ACME_ZIP", "10001")
                + "&radius=" + context.Setting("ACME_RADIUS", "50") + "&modelYearCode={subResource}",
            Pagination = new PageNumberPagination(new PageEnvelope(
                recordsPath: "result.data.vehicles",
                totalPaths: ["result.data.metadata.totalcount"],
                statusPath: "result.result",
                successValue: "SUCCESS",
                errorTextPaths: ["result.errors.errorDesc"])),
        };

        public static IReadOnlyList<SubResource> ModelYearCodes(StageContext context) =>
            [.. context.Setting("ACME_CODES", "IUJ202510").Split(',', StringSplitOptions.TrimEntries).Select(code => new SubResource(code))];
    }
}
