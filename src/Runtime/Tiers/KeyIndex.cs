using System.Runtime.InteropServices;

namespace Ingest.Tiers;

/// <summary>What <see cref="KeyIndex.Add"/> found for a row's key.</summary>
internal enum KeyOutcome
{
    /// <summary>The key was not there: the row wins and its snapshot is kept.</summary>
    New,

    /// <summary>The key was there with the same snapshot: an exact duplicate of the winner.</summary>
    Duplicate,

    /// <summary>The key was there with another snapshot: a conflict with the winner.</summary>
    Conflict,
}

/// <summary>
/// The transformed stage's key index: for every distinct key seen, 8 bytes: 48 bits of a 64-bit hash of the key
/// (8 more are implied by the shard it sits in) and 16 bits of the <c>_snapshot</c> of the row that won. Where the
/// winner is, is not kept: the few conflicts reported in detail find their winners again in the raw partition.
/// </summary>
/// <remarks>
/// <para><b>Memory grows with the keys, smoothly, and is reused.</b> Keys are spread over <see cref="Shards"/>
/// open-addressing tables by the hash's top bits. A shard's slots live in 4 KiB pages, and it grows by about a
/// quarter (at least a page) when it is 80% full, handing its old pages back to a pool that the next shard to grow
/// takes them from. Tables of many sizes, allocated and freed one by one, would leave the C allocator's heap
/// fragmented (measured: 7 MB of holes beside 11 MB of slots at a million keys); pages of one size cannot. The
/// index never copies itself whole or doubles at once, and its slots stay 60–80% full: about 3 MB for 250,000 keys
/// and 10 MB for 1,000,000, outside the managed heap. That is what keeps the stage's memory nearly flat as the
/// partition grows.</para>
/// <para><b>Collisions.</b> Two different keys agree on the 56 hash bits held with probability about n²/2⁵⁷
/// (7·10⁻⁶ for a million keys); the later row would then be dropped as a duplicate or conflict of the earlier one.
/// Key bits are favoured over snapshot bits because that error loses a row: two different rows of one key agree on
/// 16 snapshot bits with probability 2⁻¹⁶ (1.5·10⁻⁵ per conflicting row), and that conflict would be counted as a
/// duplicate, a difference in the counts only (the row is dropped either way). The key
/// hash is mixed once more (bijectively) so that keys alike in their top bits still spread over the shards. A slot
/// of 0 is empty, so a key whose 48 bits are 0 is held as 1.</para>
/// </remarks>
internal sealed unsafe class KeyIndex : IDisposable
{
    private const int ShardBits = 8;
    private const int Shards = 1 << ShardBits;
    private const int SnapshotBits = 16;
    private const int FingerprintBits = 64 - SnapshotBits;
    private const ulong SnapshotMask = (1UL << SnapshotBits) - 1;
    private const ulong FingerprintMask = (1UL << FingerprintBits) - 1;
    private const int PageBits = 9;
    private const int PageSlots = 1 << PageBits;
    private const int PagesPerChunk = 64;

    private readonly Shard[] _shards = new Shard[Shards];
    private readonly Stack<nint> _freePages = new();
    private readonly List<nint> _chunks = [];
    private bool _disposed;

    public KeyIndex()
    {
        for (int i = 0; i < _shards.Length; i++) _shards[i] = new Shard { Pages = [RentPage()] };
    }

    /// <summary>Distinct keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The keys in the fullest shard (the longest a lookup's shard can be): for tests of the spread.</summary>
    public int LargestShard => _shards.Max(shard => shard.Count);

    /// <summary>Bytes of the pages the shards hold.</summary>
    public long Bytes => _shards.Sum(shard => (long)shard.Pages.Length) * PageSlots * sizeof(ulong);

    /// <summary>Bytes allocated for pages, held or free.</summary>
    public long AllocatedBytes => (long)_chunks.Count * PagesPerChunk * PageSlots * sizeof(ulong);

    /// <summary>
    /// Adds <paramref name="key"/> with the row's <paramref name="snapshot"/> when the key is new; otherwise leaves the
    /// winner in place and says whether the row repeats it exactly.
    /// </summary>
    public KeyOutcome Add(ulong key, ulong snapshot)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        key = Mix(key);
        ulong fingerprint = key & FingerprintMask;
        if (fingerprint == 0) fingerprint = 1;
        Shard shard = _shards[key >> (64 - ShardBits)];
        ulong* slot = shard.Find(fingerprint);
        if (*slot != 0)
            return (*slot & SnapshotMask) == (snapshot & SnapshotMask) ? KeyOutcome.Duplicate : KeyOutcome.Conflict;
        if (shard.Count >= shard.Pages.Length * PageSlots / 5 * 4)
        {
            Grow(shard);
            slot = shard.Find(fingerprint);
        }
        *slot = fingerprint << SnapshotBits | (snapshot & SnapshotMask);
        shard.Count++;
        Count++;
        return KeyOutcome.New;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (nint chunk in _chunks) NativeMemory.Free((void*)chunk);
        _chunks.Clear();
        _freePages.Clear();
    }

    /// <summary>A bijective mix (MurmurHash3's finalizer), so that keys alike in their top bits still spread.</summary>
    private static ulong Mix(ulong key)
    {
        key ^= key >> 33;
        key *= 0xFF51_AFD7_ED55_8CCDUL;
        key ^= key >> 33;
        key *= 0xC4CE_B9FE_1A85_EC53UL;
        key ^= key >> 33;
        return key;
    }

    /// <summary>Rehashes <paramref name="shard"/> into about a quarter more pages, then returns its old pages to the pool.</summary>
    private void Grow(Shard shard)
    {
        nint[] old = shard.Pages;
        var pages = new nint[old.Length + Math.Max(1, old.Length / 4)];
        for (int p = 0; p < pages.Length; p++) pages[p] = RentPage();
        shard.Pages = pages;
        foreach (nint page in old)
        {
            for (ulong* slot = (ulong*)page, end = slot + PageSlots; slot < end; slot++)
            {
                if (*slot != 0) *shard.Find(*slot >> SnapshotBits) = *slot;
            }
            _freePages.Push(page);
        }
    }

    /// <summary>An empty page: a freed one when there is one, else one from a new chunk of <see cref="PagesPerChunk"/>.</summary>
    private nint RentPage()
    {
        if (_freePages.TryPop(out nint page))
        {
            NativeMemory.Clear((void*)page, PageSlots * sizeof(ulong));
            return page;
        }
        var chunk = (nint)NativeMemory.AllocZeroed(PagesPerChunk * PageSlots, sizeof(ulong));
        _chunks.Add(chunk);
        for (int p = PagesPerChunk - 1; p > 0; p--) _freePages.Push(chunk + p * PageSlots * sizeof(ulong));
        return chunk;
    }

    /// <summary>
    /// One open-addressing table of slots (fingerprint, snapshot bits) over its pages, linear probing; the home slot
    /// is the fingerprint's low 32 bits scaled to the capacity.
    /// </summary>
    private sealed class Shard
    {
        public required nint[] Pages;
        public int Count;

        /// <summary>The slot holding <paramref name="fingerprint"/>, or the empty slot where it would go.</summary>
        public ulong* Find(ulong fingerprint)
        {
            nint[] pages = Pages;
            int capacity = pages.Length << PageBits;
            int index = (int)(((ulong)(uint)fingerprint * (ulong)capacity) >> 32);
            while (true)
            {
                ulong* slot = (ulong*)pages[index >> PageBits] + (index & (PageSlots - 1));
                if (*slot == 0 || *slot >> SnapshotBits == fingerprint) return slot;
                if (++index == capacity) index = 0;
            }
        }
    }
}
