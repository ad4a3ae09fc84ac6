namespace Ingest.Tiers;

/// <summary>
/// The transformed stage's key index: for every distinct key seen, a 64-bit hash of the key and 32 bits of the
/// <c>_snapshot</c> of the row that won: 12 bytes a slot, in arrays of primitives (no object per key). Where the
/// winner is, is not kept: the few conflicts reported in detail find their winners again in the raw partition.
/// </summary>
/// <remarks>
/// <para><b>Memory grows with the keys, smoothly.</b> Keys are spread over <see cref="Shards"/> small open-addressing
/// tables by the hash's top bits; a shard grows by a quarter when it is 80% full. So the index never
/// copies itself whole or doubles at once (a <see cref="Dictionary{TKey,TValue}"/> of a million keys holds ~50 MB
/// and needs twice that while it resizes), and its slots stay 64–80% full: about 4 MB for 250,000 keys and 16 MB
/// for 1,000,000.</para>
/// <para><b>Collisions.</b> Two different keys share a 64-bit hash with probability about n²/2⁶⁵ (3·10⁻⁸ for a
/// million keys); the later row would then be counted as a duplicate or conflict of the earlier one. Two different
/// rows of one key share 32 snapshot bits with probability 2⁻³², and a conflict would then be counted as a duplicate
/// (the row is dropped either way; only the count differs). The hash is mixed once more (bijectively) so that keys
/// alike in their top bits still spread over the shards; 0 marks an empty slot, so a key mixing to 0 is stored as 1.</para>
/// </remarks>
internal sealed class KeyIndex
{
    private const int ShardBits = 12;
    private const int Shards = 1 << ShardBits;
    private const int FirstCapacity = 16;

    private readonly Shard[] _shards = CreateShards();

    /// <summary>Distinct keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The keys in the fullest shard (the longest a lookup's shard can be): for tests of the spread.</summary>
    public int LargestShard => _shards.Max(shard => shard.Count);

    /// <summary>Bytes held by the index's slot arrays.</summary>
    public long Bytes
    {
        get
        {
            long slots = 0;
            foreach (Shard shard in _shards) slots += shard.Keys.Length;
            return slots * Shard.SlotBytes;
        }
    }

    /// <summary>
    /// Adds <paramref name="key"/> with the winning row's snapshot, or, when the key is already there, leaves it and
    /// returns false with the winner's snapshot (its low 32 bits).
    /// </summary>
    public bool TryAdd(ulong key, ulong snapshot, out uint winnerSnapshot)
    {
        key = Mix(key);
        if (key == 0) key = 1;
        Shard shard = _shards[key >> (64 - ShardBits)];
        int slot = shard.Find(key);
        if (shard.Keys[slot] == key)
        {
            winnerSnapshot = shard.Snapshots[slot];
            return false;
        }
        if (shard.Count >= shard.Keys.Length / 5 * 4)
        {
            shard.Grow();
            slot = shard.Find(key);
        }
        shard.Keys[slot] = key;
        shard.Snapshots[slot] = (uint)snapshot;
        shard.Count++;
        Count++;
        winnerSnapshot = (uint)snapshot;
        return true;
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

    private static Shard[] CreateShards()
    {
        var shards = new Shard[Shards];
        for (int i = 0; i < shards.Length; i++) shards[i] = new Shard(FirstCapacity);
        return shards;
    }

    /// <summary>One open-addressing table (linear probing; the home slot is the key's low 32 bits scaled to the capacity).</summary>
    private sealed class Shard(int capacity)
    {
        public const int SlotBytes = sizeof(ulong) + sizeof(uint);

        public ulong[] Keys = new ulong[capacity];
        public uint[] Snapshots = new uint[capacity];
        public int Count;

        /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
        public int Find(ulong key)
        {
            ulong[] keys = Keys;
            int slot = (int)(((ulong)(uint)key * (ulong)keys.Length) >> 32);
            while (keys[slot] != 0 && keys[slot] != key)
            {
                if (++slot == keys.Length) slot = 0;
            }
            return slot;
        }

        public void Grow()
        {
            ulong[] keys = Keys;
            uint[] snapshots = Snapshots;
            int capacity = keys.Length + keys.Length / 4;
            Keys = new ulong[capacity];
            Snapshots = new uint[capacity];
            for (int s = 0; s < keys.Length; s++)
            {
                if (keys[s] == 0) continue;
                int slot = Find(keys[s]);
                Keys[slot] = keys[s];
                Snapshots[slot] = snapshots[s];
            }
        }
    }
}
