using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Simulator.Tests;

/// <summary>
/// The exact bytes of a few hundred inventory pages (every national page of a day, and codes, days, page sizes, local searches, the error envelope,
/// every schema drift, row shifts, another seed) pinned by SHA-256 hashes recorded before the renderer was
/// optimised, so no change to how pages are rendered can move a byte unnoticed. To accept an intended change of
/// the output, run the tests once with <c>INGEST_UPDATE_GOLDEN_PAGES=1</c> and commit <c>Golden/page-hashes.txt</c>.
/// </summary>
public sealed class GoldenPageTests(SharedInventory shared) : IClassFixture<SharedInventory>
{
    private const string UpdateVariable = "INGEST_UPDATE_GOLDEN_PAGES";

    [Fact]
    public void Rendered_pages_match_the_recorded_hashes_byte_for_byte()
    {
        var actual = new List<(string Name, string Hash)>();
        foreach (var (name, bytes) in Cases(shared.Pages))
        {
            actual.Add((name, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }

        var path = GoldenPath();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllLines(path, actual.Select(a => $"{a.Name} {a.Hash}"));
            return;
        }

        var expected = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        Assert.True(expected.Count >= 250, $"{path} holds only {expected.Count} hashes; regenerate it with {UpdateVariable}=1.");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Select(a => a.Name).Order(StringComparer.Ordinal));
        var changed = actual.Where(a => expected[a.Name] != a.Hash).Select(a => a.Name).ToList();
        Assert.True(changed.Count == 0,
            $"{changed.Count} of {actual.Count} pages changed bytes, e.g. {string.Join(", ", changed.Take(8))}. " +
            $"If the change is intended, rerun with {UpdateVariable}=1 and commit {path}.");
    }

    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "page-hashes.txt");

    private static IEnumerable<(string Name, byte[] Bytes)> Cases(InventoryPages pages)
    {
        DateOnly[] days = [SharedInventory.Today, SharedInventory.Today.AddDays(1), new(2025, 3, 10)];
        foreach (var day in days)
        {
            var d = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var code in JeepInventory.AllModelYearCodes)
            {
                var query = new InventoryQuery(day, code);
                var last = pages.PageCount(query);
                foreach (var page in new[] { 1, Math.Max(1, last / 2), last, last + 1 }.Distinct())
                {
                    yield return ($"{d}/{code}/50/p{page}", pages.RenderPage(query, page));
                }
            }
        }

        foreach (var size in new[] { 1, 7, 137, 500, 9999 })
        {
            foreach (var page in new[] { 1, 3 })
            {
                yield return ($"sizes/IUJ202510/{size}/p{page}", pages.RenderPage(new InventoryQuery(SharedInventory.Today, "IUJ202510", PageSize: size), page));
                yield return ($"sizes/all/{size}/p{page}", pages.RenderPage(new InventoryQuery(SharedInventory.Today, null, PageSize: size), page));
            }
        }
        foreach (var page in new[] { 100, 4000 })
        {
            yield return ($"all/50/p{page}", pages.RenderPage(new InventoryQuery(SharedInventory.Today, null), page));
        }

        var dealer = pages.Inventory.Dealers.Dealers[17];
        (string Name, InventoryQuery Query)[] local =
        [
            ("ny50-all", new InventoryQuery(SharedInventory.Today, null, "10001", 50)),
            ("ny50-IUJ202510", new InventoryQuery(SharedInventory.Today, "IUJ202510", "10001", 50, 20)),
            ("la25-IUJ202530", new InventoryQuery(SharedInventory.Today, "IUJ202530", "90012", 25)),
            ("chicago0-all", new InventoryQuery(SharedInventory.Today, null, "60601", 0)),
            ("dealer10-all", new InventoryQuery(SharedInventory.Today, null, dealer.Zip5, 10, 100)),
            ("dealer-zip9-all", new InventoryQuery(SharedInventory.Today, null, dealer.DealerZipCode, 30, 100)),
            ("unknown-zip", new InventoryQuery(SharedInventory.Today, null, "00000", 50)),
            ("unknown-code", new InventoryQuery(SharedInventory.Today, "IUJ209910")),
        ];
        foreach (var (name, query) in local)
        {
            foreach (var page in new[] { 1, 2, 3 })
            {
                yield return ($"local/{name}/p{page}", pages.RenderPage(query, page));
            }
        }

        var inventory = pages.Inventory;
        foreach (var drift in Enum.GetValues<SchemaDriftKind>())
        {
            foreach (var (code, page) in new[] { ("IUJ202510", 1), ("IUJ202510", 400), ("IUJ202680", 2), ((string?)null, 7) })
            {
                var query = new InventoryQuery(SharedInventory.Today, code);
                var selection = inventory.Select(query)!;
                yield return ($"drift/{drift}/{code ?? "all"}/p{page}",
                    Render(output => InventoryPageRenderer.WritePage(output, ServedRows.Unshifted(inventory, selection), page, 50, drift)));
            }
        }

        foreach (var kind in Enum.GetValues<RowShiftKind>())
        {
            foreach (var (code, entropy) in new[] { ("IUJ202510", 12345UL), ("IUJ202560", 987654321UL), ((string?)null, 42UL) })
            {
                var selection = inventory.Select(new InventoryQuery(SharedInventory.Today, code))!;
                var rows = ServedRows.Shifted(inventory, selection, 2, 20, kind, entropy);
                foreach (var page in new[] { 1, 2, 3, 4 })
                {
                    yield return ($"shift/{kind}/{code ?? "all"}/{entropy}/p{page}",
                        Render(output => InventoryPageRenderer.WritePage(output, rows, page, 20, SchemaDriftKind.None)));
                }
            }
        }

        // Every national page of one day, as one digest: every vehicle on the lot goes through the renderer.
        using (var national = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            foreach (var page in pages.NationalPages(SharedInventory.Today))
            {
                national.AppendData(page);
            }
            yield return ("national/20261127/all-pages", national.GetHashAndReset());
        }

        var seven = new InventoryPages(new SimulatorOptions { Seed = 7, VehicleCount = 20_000, DealerCount = 300 });
        foreach (var code in new[] { "IUJ202510", "IUJ202571", (string?)null })
        {
            foreach (var page in new[] { 1, 2 })
            {
                yield return ($"seed7/{code ?? "all"}/p{page}", seven.RenderPage(new InventoryQuery(SharedInventory.Today, code), page));
            }
        }
    }

    private static byte[] Render(Action<PooledBufferWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        write(buffer);
        return buffer.ToArray();
    }
}
