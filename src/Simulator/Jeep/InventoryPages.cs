using System.Buffers;

namespace Ingest.Simulator;

/// <summary>
/// Inventory pages without HTTP: the exact bytes the endpoint would serve for a query and page number, for
/// benchmarks and tests, plus the ground truth behind them.
/// </summary>
public sealed class InventoryPages
{
    public InventoryPages(JeepInventory inventory)
    {
        Inventory = inventory;
    }

    public InventoryPages(SimulatorOptions options)
        : this(new JeepInventory(options))
    {
    }

    public JeepInventory Inventory { get; }

    /// <summary>Model-year codes with their national counts on a date.</summary>
    public IReadOnlyList<ModelYearCodeCount> ModelYearCodes(DateOnly date) => Inventory.ModelYearCodes(date);

    public int Count(InventoryQuery query) => Inventory.Count(query);

    /// <summary>Pages a reader needs (at least 1: an empty search still answers one empty page).</summary>
    public int PageCount(InventoryQuery query) => Math.Max(1, (Count(query) + query.EffectivePageSize - 1) / query.EffectivePageSize);

    /// <summary>Writes page <paramref name="pageNumber"/> (1-based) of the query; an unknown zip writes the error envelope.</summary>
    public void WritePage(IBufferWriter<byte> output, InventoryQuery query, int pageNumber)
    {
        var selection = Inventory.Select(query);
        if (selection is null)
        {
            InventoryPageRenderer.WriteError(output, InventoryErrors.UnknownZip(query.Zip));
            return;
        }
        InventoryPageRenderer.WritePage(output, ServedRows.Unshifted(Inventory, selection), pageNumber, query.EffectivePageSize, SchemaDriftKind.None);
    }

    public byte[] RenderPage(InventoryQuery query, int pageNumber)
    {
        using var buffer = new PooledBufferWriter(InventoryPageRenderer.TypicalPageBytes(query.EffectivePageSize));
        WritePage(buffer, query, pageNumber);
        return buffer.ToArray();
    }

    /// <summary>Every page of one search, in order.</summary>
    public IEnumerable<byte[]> Pages(InventoryQuery query)
    {
        var pages = PageCount(query);
        for (var page = 1; page <= pages; page++)
        {
            yield return RenderPage(query, page);
        }
    }

    /// <summary>Every page of national inventory on a date: each model-year code at radius 99999, code after code.</summary>
    public IEnumerable<byte[]> NationalPages(DateOnly date, int pageSize = 50)
    {
        foreach (var code in JeepInventory.AllModelYearCodes)
        {
            foreach (var page in Pages(new InventoryQuery(date, code, InventoryQuery.NewYorkZip, InventoryQuery.NationalRadius, pageSize)))
            {
                yield return page;
            }
        }
    }

    /// <summary>The ground truth of every vehicle of a search, in served order.</summary>
    public IReadOnlyList<SimulatedVehicle> Vehicles(InventoryQuery query) => Inventory.Vehicles(query);
}
