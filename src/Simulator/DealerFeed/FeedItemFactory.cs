using System.Globalization;

namespace Ingest.Simulator;

/// <summary>
/// What the feed says about one vehicle on day D, from the same drawn values the public inventory serves it from
/// (<see cref="VehicleDetail"/>): an item in D's inventory as D's record has it; an arrival (in D+1's inventory only)
/// as D+1's record will have it.
/// </summary>
internal static class FeedItemFactory
{
    /// <summary>Fresh items are updated after 22:00 on the feed's day: later than any public <c>lastUpdated</c>, which falls between 06:00 and 22:00.</summary>
    public const int FreshUpdateHour = 22;

    public static SimulatedFeedItem Create(JeepInventory inventory, in VehicleCore core, string status, int day)
    {
        var draw = FeedItemDraw.Of(inventory.Seed, core, day);
        var arriving = status == DealerFeedStatus.InTransit;
        var detail = inventory.Detail(core, arriving ? day + 1 : day);
        // Yesterday's price needs yesterday's listing of the same vehicle: an arrival of today has none.
        var stale = draw.WantsStalePrice && !arriving && inventory.Holds(core.Slot, core.Generation, day - 1);
        var priced = stale ? inventory.Detail(core, day - 1) : detail;
        var spec = JeepCatalog.Codes[core.CodeIndex];

        string stockNo;
        if (detail.Has(OptionalField.StockNumber))
        {
            Span<byte> text = stackalloc byte[VehicleText.MaxComposedLength];
            stockNo = VehicleText.ToText(text[..VehicleText.WriteStockNumber(text, spec, detail)]);
        }
        else
        {
            stockNo = string.Create(CultureInfo.InvariantCulture, $"J{spec.ModelYear % 100:00}-{draw.OwnStockSerial:0000}");
        }

        var midnight = new DateTimeOffset(VehicleLifecycle.DateOf(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var updatedAt = stale
            ? midnight.AddDays(-1).AddSeconds(draw.UpdatedSecond)
            : midnight.AddHours(FreshUpdateHour).AddSeconds(draw.UpdatedSecond / 6);

        return new SimulatedFeedItem
        {
            Vin = core.Vin.ToString(),
            DealerCode = inventory.Dealers.Dealers[core.DealerIndex].DealerCode,
            StockNo = stockNo,
            Status = status,
            Msrp = draw.MsrpMissing ? null : detail.Msrp,
            InternetPrice = priced.DiscountedPrice,
            DealerDiscount = priced.Discount,
            ExteriorColor = draw.ColorMissing ? null : JeepCatalog.Paints[detail.PaintIndex].Description,
            Odometer = detail.Has(OptionalField.Mileage) ? detail.Mileage : null,
            DaysOnLot = arriving ? null : day - detail.ArrivalDay,
            UpdatedAt = updatedAt,
            HasStalePrice = stale,
        };
    }
}
