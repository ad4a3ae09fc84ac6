namespace Ingest.Tiers.Tests;

/// <summary>The key index as its shards grow: every key found again with its first row's snapshot, none lost.</summary>
public sealed class KeyIndexTests
{
    [Fact]
    public void Every_key_keeps_its_first_snapshot_as_the_shards_grow()
    {
        const int Keys = 300_000;
        using var index = new KeyIndex();
        var random = new Random(7);
        var keys = new ulong[Keys];
        var snapshots = new ulong[Keys];
        for (int i = 0; i < Keys; i++)
        {
            keys[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            snapshots[i] = (ulong)random.NextInt64();
            Assert.Equal(KeyOutcome.New, index.Add(keys[i], snapshots[i]));
        }

        Assert.Equal(Keys, index.Count);
        for (int i = 0; i < Keys; i++)
        {
            Assert.Equal(KeyOutcome.Duplicate, index.Add(keys[i], snapshots[i]));
            // A snapshot differing in its low bits (the ones kept) is a conflict; the winner stays.
            Assert.Equal(KeyOutcome.Conflict, index.Add(keys[i], snapshots[i] ^ 1));
            Assert.Equal(KeyOutcome.Duplicate, index.Add(keys[i], snapshots[i]));
        }
        Assert.Equal(Keys, index.Count);
    }

    [Fact]
    public void Keys_alike_in_their_top_bits_are_spread_over_the_shards()
    {
        // 40,000 keys equal in their top 40 bits: sharded by those bits unmixed, they would all land in one shard.
        using var index = new KeyIndex();
        for (int i = 0; i < 40_000; i++) Assert.Equal(KeyOutcome.New, index.Add(0xABCD_EF01_2300_0000UL | (ulong)i << 4, (ulong)i));
        for (int i = 0; i < 40_000; i++) Assert.Equal(KeyOutcome.Duplicate, index.Add(0xABCD_EF01_2300_0000UL | (ulong)i << 4, (ulong)i));
        Assert.InRange(index.LargestShard, 1, 40_000 / 256 * 2);
    }

    [Fact]
    public void A_key_hashing_to_zero_is_kept_like_any_other()
    {
        using var index = new KeyIndex();
        Assert.Equal(KeyOutcome.New, index.Add(0, snapshot: 5));
        Assert.Equal(KeyOutcome.Duplicate, index.Add(0, snapshot: 5));
        Assert.Equal(KeyOutcome.Conflict, index.Add(0, snapshot: 6));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Memory_grows_with_the_keys_a_shard_at_a_time_about_as_fast_as_they_do()
    {
        using var index = new KeyIndex();
        for (int i = 0; i < 250_000; i++) index.Add((ulong)i * 0x9E37_79B9_7F4A_7C15UL, 0);
        long national = index.Bytes;
        for (int i = 250_000; i < 1_000_000; i++) index.Add((ulong)i * 0x9E37_79B9_7F4A_7C15UL, 0);

        // 8 bytes a key at 60–80% fill: 10–13.3 bytes a key.
        Assert.InRange(national, 2_500_000, 3_400_000);
        Assert.InRange(index.Bytes, 10_000_000, 13_400_000);
        Assert.InRange((double)index.Bytes / national, 3.0, 5.0);
        // Freed pages are reused: what is allocated is what is held, give or take a chunk and one shard's growth.
        Assert.InRange(index.AllocatedBytes - index.Bytes, 0, 2 * 64 * 4096);
    }

    [Fact]
    public void A_disposed_index_refuses_keys()
    {
        var index = new KeyIndex();
        index.Add(1, 1);
        index.Dispose();
        index.Dispose();
        Assert.Throws<ObjectDisposedException>(() => index.Add(2, 2));
    }
}
