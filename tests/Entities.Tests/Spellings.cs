using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Entities.Tests;

/// <summary>
/// Watches the pages a test extracts for the spellings it means to cover (a price as a number and as
/// <c>"$48,995.00"</c>, an escaped <c>\u00e9</c>, a US date…), so a comparison with ground truth cannot pass just
/// because the sample happened to miss a spelling.
/// </summary>
internal sealed class Spellings(params string[] patterns)
{
    private readonly Regex[] _patterns = [.. patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant))];
    private readonly bool[] _seen = new bool[patterns.Length];

    /// <summary>The same pages, looked at on the way through.</summary>
    public IEnumerable<byte[]> Watch(IEnumerable<byte[]> pages)
    {
        foreach (byte[] page in pages)
        {
            if (_seen.Contains(false))
            {
                string text = Encoding.UTF8.GetString(page);
                for (int i = 0; i < _patterns.Length; i++) _seen[i] |= _patterns[i].IsMatch(text);
            }
            yield return page;
        }
    }

    public void AssertAllSeen()
    {
        string[] missing = [.. _patterns.Where((_, i) => !_seen[i]).Select(p => p.ToString())];
        Assert.True(missing.Length == 0, "The pages never showed these spellings: " + string.Join("  ", missing));
    }
}
