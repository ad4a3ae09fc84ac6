using Ingest.Simulator;

namespace Ingest.Benchmarks;

/// <summary>
/// The deterministic pages every extraction contender reads: the first <see cref="PageCount"/> pages of 50 of
/// national Jeep inventory from the simulator (seeded), about 70 leaf fields a vehicle with nested objects,
/// name/value lists, numbers as formatted strings and ~10% nulls.
/// </summary>
public sealed class ExtractionWorkload
{
    public const int PageCount = 1_024;
    public const int PageSize = 50;

    private static readonly Lazy<ExtractionWorkload> Shared = new(() => new ExtractionWorkload());

    private ExtractionWorkload()
    {
        var date = new DateOnly(2026, 11, 27);
        var pages = new InventoryPages(new SimulatorOptions { Date = date });
        Pages = [.. pages.Pages(new InventoryQuery(date, ModelYearCode: null, PageSize: PageSize)).Take(PageCount)];
        Records = PageCount * PageSize;
        Bytes = Pages.Sum(p => (long)p.Length);
    }

    public static ExtractionWorkload Instance => Shared.Value;

    public byte[][] Pages { get; }

    public int Records { get; }

    public long Bytes { get; }
}
