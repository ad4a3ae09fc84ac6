using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Ingest.Simulator.Tests;

/// <summary>
/// The page bytes are written in place from each vehicle's drawn values; the ground truth is built from the same
/// values. These tests write the ground truth with the original <see cref="Utf8JsonWriter"/>-based writer and demand
/// the same bytes, so the two paths cannot drift apart.
/// </summary>
public sealed class RecordWriterTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    public static TheoryData<SchemaDriftKind> Drifts() => new(Enum.GetValues<SchemaDriftKind>());

    [Theory]
    [MemberData(nameof(Drifts))]
    public void Records_written_in_place_equal_the_ground_truth_written_by_Utf8JsonWriter(SchemaDriftKind drift)
    {
        var inventory = shared.Pages.Inventory;
        var compared = 0;
        foreach (var code in JeepInventory.AllModelYearCodes.Append(null))
        {
            var selection = inventory.Select(new InventoryQuery(SharedInventory.Today, code, "60601", code is null ? 150 : InventoryQuery.NationalRadius))!;
            var step = Math.Max(1, selection.Slots.Length / 400);
            for (var i = 0; i < selection.Slots.Length; i += step)
            {
                var core = selection.Day.Cores[selection.Slots[i]];
                Assert.Equal(Reference(inventory.Vehicle(selection, core), drift), InPlace(inventory, selection, core, drift));
                compared++;
            }
        }
        Assert.True(compared > 7000, $"only {compared} vehicles compared");
    }

    [Fact]
    public void Formatted_amounts_match_the_custom_numeric_format()
    {
        decimal[] amounts = [0m, 0.5m, 7m, 999m, 1000m, 48995m, 40316.60m, 40316.6m, 1234567.89m, 250m, 12.345m, -5m, 100000m];
        Span<byte> buffer = stackalloc byte[64];
        foreach (var amount in amounts)
        {
            foreach (var spelling in new[] { NumberSpelling.Formatted, NumberSpelling.Currency })
            {
                var writer = new JsonSpanWriter(buffer);
                writer.FormattedAmount(amount, spelling == NumberSpelling.Currency);
                Assert.Equal($"\"{VehicleFactory.FormatAmount(amount, spelling)}\"", Encoding.UTF8.GetString(buffer[..writer.Written]));
            }
        }
    }

    private static string InPlace(JeepInventory inventory, InventorySelection selection, in VehicleCore core, SchemaDriftKind drift)
    {
        var buffer = new byte[VehicleRecordWriter.MaxRecordBytes];
        var written = inventory.WriteRecord(buffer, selection, core, drift);
        return Encoding.UTF8.GetString(buffer, 0, written);
    }

    private static string Reference(SimulatedVehicle vehicle, SchemaDriftKind drift)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions))
        {
            ReferenceVehicleJsonWriter.Write(writer, vehicle, drift);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
