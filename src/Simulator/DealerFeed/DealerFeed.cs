using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Ingest.Simulator;

/// <summary>
/// The dealer inventory feed (<c>/feeds/stellantis/inventory.json</c>): what a dealer-inventory syndication platform
/// publishes for the Jeep dealers that subscribe to it (about 40%, by a stable hash of the seed and dealer code). It
/// agrees with the public inventory mostly but not always: on day D it lists a subscriber's vehicles of D's public
/// inventory (<c>IN_STOCK</c>, or <c>SALE_PENDING</c> when gone from D+1's) except the ~2% it lags on that day, and
/// D+1's arrivals a day early (<c>IN_TRANSIT</c>); ~5% carry D−1's price, ~3% no msrp, ~3% no colour. See
/// <c>docs/dealer-feed.md</c>.
/// </summary>
public sealed class DealerFeed
{
    public const double SubscriberShare = 0.40;

    private const int CachedSelections = 64;

    private readonly bool[] _subscribed;
    private readonly int[] _dealerRank;
    private readonly ConcurrentDictionary<(int Day, string Zip5, int Radius), DealerFeedSelection> _selections = new();

    public DealerFeed(JeepInventory inventory)
    {
        Inventory = inventory;
        var dealers = inventory.Dealers.Dealers;
        _subscribed = new bool[dealers.Count];
        for (var i = 0; i < dealers.Count; i++)
        {
            _subscribed[i] = Subscribes(inventory.Seed, dealers[i].DealerCode);
        }
        // Items are served by dealer code (ordinal), then VIN.
        var byCode = Enumerable.Range(0, dealers.Count).OrderBy(i => dealers[i].DealerCode, StringComparer.Ordinal).ToArray();
        _dealerRank = new int[dealers.Count];
        for (var rank = 0; rank < byCode.Length; rank++)
        {
            _dealerRank[byCode[rank]] = rank;
        }
    }

    public JeepInventory Inventory { get; }

    /// <summary>Whether the dealer subscribes to the feed (the same for every day and query).</summary>
    public bool IsSubscribed(string dealerCode) => Subscribes(Inventory.Seed, dealerCode);

    /// <summary>Ground truth: every item of the feed for the query's date, zip, radius and brand, in served order (all pages); empty for an unknown zip or another brand.</summary>
    public IReadOnlyList<SimulatedFeedItem> Items(DealerFeedQuery query)
    {
        var selection = Select(query);
        if (selection is null)
        {
            return [];
        }
        var items = new SimulatedFeedItem[selection.Entries.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Item(selection, selection.Entries[i]);
        }
        return items;
    }

    /// <summary>Items of the whole feed (what <c>feed.totalItems</c> reports); 0 for an unknown zip or another brand.</summary>
    public int Count(DealerFeedQuery query) => Select(query)?.Entries.Length ?? 0;

    /// <summary>Pages a reader needs (at least 1: an empty feed still answers one empty page).</summary>
    public int PageCount(DealerFeedQuery query) => Math.Max(1, (Count(query) + query.EffectivePageSize - 1) / query.EffectivePageSize);

    public byte[] RenderPage(DealerFeedQuery query, SchemaDriftKind drift = SchemaDriftKind.None)
    {
        using var buffer = new PooledBufferWriter(DealerFeedPageWriter.TypicalPageBytes(query.EffectivePageSize));
        WritePage(buffer, query, drift);
        return buffer.ToArray();
    }

    /// <summary>Writes page <see cref="DealerFeedQuery.Page"/> of the query, or the error body for an unknown zip.</summary>
    public void WritePage(IBufferWriter<byte> output, DealerFeedQuery query, SchemaDriftKind drift = SchemaDriftKind.None)
    {
        if (!Inventory.Dealers.TryLocateZip(query.Zip, out _))
        {
            DealerFeedPageWriter.WriteError(output, DealerFeedPageWriter.InvalidZip, $"The zip code '{query.Zip}' could not be located.");
            return;
        }
        var selection = Select(query);
        var entries = selection?.Entries ?? [];
        var pageSize = query.EffectivePageSize;
        var start = (long)(Math.Max(1, query.Page) - 1) * pageSize;
        var end = Math.Min(start + pageSize, entries.Length);
        var items = new List<SimulatedFeedItem>(Math.Max(0, (int)(end - start)));
        for (var i = start; i < end; i++)
        {
            items.Add(Item(selection!, entries[i]));
        }
        DealerFeedPageWriter.WritePage(output, GeneratedAt(query.Date), Math.Max(1, query.Page), pageSize, entries.Length, items, drift);
    }

    /// <summary>The feed is published at 23:00 UTC on its day, after its last item update.</summary>
    public static DateTimeOffset GeneratedAt(DateOnly date) => new(date.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero);

    private SimulatedFeedItem Item(DealerFeedSelection selection, in DealerFeedEntry entry) =>
        FeedItemFactory.Create(Inventory, selection.Core(entry), entry.Status, selection.Today.DayNumber);

    private DealerFeedSelection? Select(DealerFeedQuery query)
    {
        if (!string.Equals(query.Brand, DealerFeedQuery.JeepBrand, StringComparison.OrdinalIgnoreCase) || !Inventory.Dealers.TryLocateZip(query.Zip, out var origin))
        {
            return null;
        }
        var key = (VehicleLifecycle.DayNumber(query.Date), query.Zip[..5], Math.Min(query.Radius, InventoryQuery.NationalRadius));
        if (_selections.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var inRange = query.IsNational ? null : Inventory.Dealers.DealersWithin(key.Item2, origin, query.Radius);
        var selection = Build(query.Date, inRange);
        if (_selections.Count > CachedSelections)
        {
            _selections.Clear();
        }
        _selections[key] = selection;
        return selection;
    }

    private DealerFeedSelection Build(DateOnly date, bool[]? inRange)
    {
        var today = Inventory.Day(date);
        var tomorrow = Inventory.Day(date.AddDays(1));
        var entries = new List<DealerFeedEntry>();
        var order = new List<(int DealerRank, VinKey Vin)>();
        bool Carried(int dealerIndex) => _subscribed[dealerIndex] && (inRange is null || inRange[dealerIndex]);

        foreach (var slot in today.AllSlots)
        {
            ref readonly var core = ref today.Cores[slot];
            if (!Carried(core.DealerIndex) || FeedItemDraw.Of(Inventory.Seed, core, today.DayNumber).Lagging)
            {
                continue;
            }
            var staysTomorrow = tomorrow.Present[slot] && tomorrow.Cores[slot].Generation == core.Generation;
            entries.Add(new DealerFeedEntry(slot, staysTomorrow ? DealerFeedStatus.InStock : DealerFeedStatus.SalePending));
            order.Add((_dealerRank[core.DealerIndex], core.Vin));
        }
        foreach (var slot in tomorrow.AllSlots)
        {
            ref readonly var core = ref tomorrow.Cores[slot];
            var listedToday = today.Present[slot] && today.Cores[slot].Generation == core.Generation;
            if (listedToday || !Carried(core.DealerIndex))
            {
                continue;
            }
            entries.Add(new DealerFeedEntry(slot, DealerFeedStatus.InTransit));
            order.Add((_dealerRank[core.DealerIndex], core.Vin));
        }

        var keys = order.ToArray();
        var served = entries.ToArray();
        Array.Sort(keys, served);
        return new DealerFeedSelection(today, tomorrow, served);
    }

    private static bool Subscribes(int seed, string dealerCode) =>
        SimRandom.Hash((ulong)seed, RandomStreams.DealerFeedSubscription, SimRandom.HashString(dealerCode)) % 1000 < SubscriberShare * 1000;
}
