using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace Ingest.Sources;

/// <summary>
/// Fed each page of one sub-resource in page order, finds keys served on more than one page and a shortfall of
/// distinct keys against the total the upstream stated: what a live inventory moving under a paginated read causes.
/// Keys are kept as 64-bit hashes (about 40 bytes a key), so a 53,000-row sub-resource costs ~2 MB, not its pages.
/// </summary>
public sealed class PageContinuityChecker
{
    /// <summary>Reads the records alone, with their keys: the one walk of record keys, shared with the paged source.</summary>
    private readonly PageEnvelope? _records;
    private readonly byte[]? _keyField;
    private readonly Dictionary<ulong, int> _firstPageOfKey = [];
    private readonly List<DuplicateKey> _duplicates = [];
    private readonly List<int> _unreadable = [];
    private int _duplicateCount;
    private int _pages;
    private long _rows;
    private long? _firstTotal;
    private long? _lastTotal;
    private long? _maxTotal;

    /// <param name="keys">Where the records and their key are, for <see cref="ObservePage(int, long?, ReadOnlySpan{byte})"/>;
    /// null when keys are fed with <see cref="Observe"/>.</param>
    public PageContinuityChecker(RecordKeyPath? keys = null)
    {
        if (keys is not null)
        {
            _records = new PageEnvelope(keys.RecordsPath, totalPaths: [], statusPath: null, successValue: "", errorTextPaths: []);
            _keyField = Encoding.UTF8.GetBytes(keys.KeyField);
        }
    }

    /// <summary>
    /// Reads the keys of a page's records (one forward pass, as <see cref="PageEnvelope"/> reads them) and checks them;
    /// a page that is not JSON is noted as unreadable, and none of its keys count.
    /// </summary>
    public void ObservePage(int pageNumber, long? statedTotal, ReadOnlySpan<byte> body)
    {
        if (_records is null)
        {
            throw new InvalidOperationException("This checker was made without a RecordKeyPath; feed keys with Observe(pageNumber, total, keys).");
        }
        var keys = new List<PageKey>();
        var summary = _records.Read(body, _keyField, keys);
        if (!summary.IsValidJson)
        {
            NoteTotal(statedTotal);
            _pages++;
            _unreadable.Add(pageNumber);
            return;
        }
        ObserveKeys(pageNumber, statedTotal, summary.RecordCount ?? 0, keys, body);
    }

    /// <summary>
    /// Checks the keys <see cref="PageEnvelope"/> read off a page while it counted its <paramref name="rows"/> records
    /// (one pass over the page for both); <paramref name="body"/> is read again only for keys reported as duplicates.
    /// </summary>
    internal void ObserveKeys(int pageNumber, long? statedTotal, int rows, IReadOnlyList<PageKey> keys, ReadOnlySpan<byte> body)
    {
        NoteTotal(statedTotal);
        _pages++;
        _rows += rows;
        foreach (var key in keys)
        {
            if (IsRepeat(key.Hash, pageNumber, out var firstPage) && _duplicates.Count < ContinuityReport.MaxDuplicatesListed)
            {
                _duplicates.Add(new DuplicateKey(KeyText(key, body), firstPage, pageNumber));
            }
        }
    }

    /// <summary>Checks keys read by the caller (any key reader).</summary>
    public void Observe(int pageNumber, long? statedTotal, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        NoteTotal(statedTotal);
        _pages++;
        foreach (var key in keys)
        {
            _rows++;
            ObserveKey(Encoding.UTF8.GetBytes(key), pageNumber);
        }
    }

    /// <summary>Notes a page whose keys are unknown (it failed, or is not JSON).</summary>
    public void ObserveUnreadable(int pageNumber)
    {
        _pages++;
        _unreadable.Add(pageNumber);
    }

    public ContinuityReport Report() =>
        new(_pages, _rows, _firstPageOfKey.Count, _duplicateCount, [.. _duplicates], _firstTotal, _lastTotal, _maxTotal, [.. _unreadable]);

    private void NoteTotal(long? total)
    {
        if (total is not { } value)
        {
            return;
        }
        _firstTotal ??= value;
        _lastTotal = value;
        _maxTotal = Math.Max(_maxTotal ?? value, value);
    }

    private void ObserveKey(ReadOnlySpan<byte> key, int pageNumber)
    {
        if (IsRepeat(XxHash3.HashToUInt64(key), pageNumber, out var firstPage) && _duplicates.Count < ContinuityReport.MaxDuplicatesListed)
        {
            _duplicates.Add(new DuplicateKey(Encoding.UTF8.GetString(key), firstPage, pageNumber));
        }
    }

    /// <summary>True (and counted) when the key was seen before, on <paramref name="firstPage"/>.</summary>
    private bool IsRepeat(ulong hash, int pageNumber, out int firstPage)
    {
        if (_firstPageOfKey.TryAdd(hash, pageNumber))
        {
            firstPage = pageNumber;
            return false;
        }
        _duplicateCount++;
        firstPage = _firstPageOfKey[hash];
        return true;
    }

    /// <summary>A key's text, from where it sits in the body (unescaped when it has escapes).</summary>
    private static string KeyText(PageKey key, ReadOnlySpan<byte> body)
    {
        if (!key.Escaped)
        {
            return Encoding.UTF8.GetString(body.Slice(key.Start, key.Length));
        }
        // The value with its quotes is a JSON string of its own.
        var reader = new Utf8JsonReader(body.Slice(key.Start - 1, key.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }
}
