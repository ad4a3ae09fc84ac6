using System.Globalization;
using Ingest.Entities.Mercedes;
using Ingest.Simulator;

namespace Ingest.Entities.Tests;

/// <summary>The shipped Mercedes-Benz vehicle entity read from every page of new and used search, compared with ground truth.</summary>
public sealed class MercedesVehicleTests
{
    [Theory]
    [InlineData(MercedesCondition.New)]
    [InlineData(MercedesCondition.Used)]
    public void Every_page_matches_ground_truth_in_every_column(MercedesCondition condition)
    {
        var query = new MercedesQuery(Simulation.Date, condition, "10001", Count: MercedesQuery.MaxCount);
        IReadOnlyList<SimulatedMercedesVehicle> truth = Simulation.Mercedes.Vehicles(query);
        int pages = (truth.Count + query.EffectiveCount - 1) / query.EffectiveCount;
        using ExtractedTable table = ExtractedTable.Extract<MercedesVehicle>(
            Enumerable.Range(0, pages).Select(start => Simulation.Mercedes.RenderPage(query with { Start = start })),
            $"mercedes {condition}");

        Assert.True(truth.Count > 2000, $"The {condition} search should hold thousands of vehicles; it has {truth.Count}.");
        Assert.Equal(pages, table.Pages);
        table.AssertClean();
        Columns.AssertMatches(table, truth);
    }

    /// <summary>
    /// Schema drift the simulator can serve: numbers as strings read the same; an extra field is reported and
    /// skipped; a missing <c>modelName</c> leaves its column null and nothing else changes.
    /// </summary>
    [Theory]
    [InlineData(SchemaDriftKind.NumberAsString)]
    [InlineData(SchemaDriftKind.ExtraField)]
    [InlineData(SchemaDriftKind.MissingField)]
    public void Drifted_pages_still_match_ground_truth(SchemaDriftKind drift)
    {
        var query = new MercedesQuery(Simulation.Date, MercedesCondition.New, "10001", Count: MercedesQuery.MaxCount);
        IReadOnlyList<SimulatedMercedesVehicle> truth = Simulation.Mercedes.Vehicles(query);
        int pages = (truth.Count + query.EffectiveCount - 1) / query.EffectiveCount;
        using ExtractedTable table = ExtractedTable.Extract<MercedesVehicle>(
            Enumerable.Range(0, pages).Select(start => Simulation.Mercedes.RenderPage(query with { Start = start }, drift)),
            $"mercedes new, {drift}");

        switch (drift)
        {
            case SchemaDriftKind.NumberAsString:
                table.AssertClean();
                Columns.AssertMatches(table, truth);
                break;
            case SchemaDriftKind.ExtraField:
                table.AssertClean("simUnexpected");
                Assert.Equal(truth.Count, table.UnknownFields["simUnexpected"]);
                Columns.AssertMatches(table, truth);
                break;
            case SchemaDriftKind.MissingField:
                table.AssertClean();
                Columns.With("model_name", _ => null).AssertMatches(table, truth);
                break;
        }
    }

    private static readonly ExpectedColumns<SimulatedMercedesVehicle> Columns = new(v => v.Vin)
    {
        { "vin", v => v.Vin },
        { "year", v => v.Year },
        { "model_id", v => v.ModelId },
        { "model_name", v => v.ModelName },
        { "msrp", v => v.Msrp },
        { "dealer_id", v => v.DealerId },
        { "paint_id", v => v.Paint.Id },
        { "paint_name", v => v.Paint.Name },
        { "paint_meta_code", v => v.Paint.MetaCode },
        { "paint_price", v => v.Paint.Price },
        { "upholstery_id", v => v.Upholstery.Id },
        { "upholstery_name", v => v.Upholstery.Name },
        { "upholstery_meta_code", v => v.Upholstery.MetaCode },
        { "upholstery_price", v => v.Upholstery.Price },
        { "fuel_type_id", v => v.FuelType.Id },
        { "fuel_type", v => v.FuelType.Name },
        { "drive_train_id", v => v.DriveTrain.Id },
        { "drive_train", v => v.DriveTrain.Name },
        { "engine", v => Property(v, "engine").Value },
        { "engine_header", v => Property(v, "engine").Header },
        { "horsepower", v => int.Parse(Property(v, "horsepower").Value.Split(' ')[0], CultureInfo.InvariantCulture) },
        { "horsepower_header", v => Property(v, "horsepower").Header },
        { "exterior_color", v => Property(v, "exteriorColor").Value },
        { "exterior_color_header", v => Property(v, "exteriorColor").Header },
        { "interior", v => Property(v, "interior").Value },
        { "interior_header", v => Property(v, "interior").Header },
        { "lease_amount", v => Payment(v, "lease").Amount },
        { "lease_term", v => Payment(v, "lease").Term },
        { "lease_apr", v => Payment(v, "lease").Apr },
        { "finance_amount", v => Payment(v, "finance").Amount },
        { "finance_term", v => Payment(v, "finance").Term },
        { "finance_apr", v => Payment(v, "finance").Apr },
        { "mileage", v => v.Mileage },
        { "certified", v => v.Certified },
        // Sent as strings: the latitude and longitude round-trip ("R"), the distance has one decimal.
        {
            "dealer_addresses", v => v.Condition == MercedesCondition.Used
                ? new[] { new object?[] { v.DealerLocation.Latitude, v.DealerLocation.Longitude, Math.Round(v.Distance, 1, MidpointRounding.AwayFromZero) } }
                : null
        },
    };

    private static MercedesProperty Property(SimulatedMercedesVehicle vehicle, string name) => vehicle.Properties.Single(p => p.Name == name);

    private static MercedesPayment Payment(SimulatedMercedesVehicle vehicle, string type) => vehicle.MonthlyPaymentInfo.Single(p => p.Type == type);
}
