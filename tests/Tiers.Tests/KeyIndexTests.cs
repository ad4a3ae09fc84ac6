namespace Ingest.Tiers.Tests;

/// <summary>The key index as its shards grow: every key found again with its first row's snapshot, none lost.</summary>
public sealed class KeyIndexTests
{
    [Fact]
    public void Every_key_keeps_its_first_snapshot_as_the_shards_grow()
    {
        const int Keys = 300_000;
        var index = new KeyIndex();
        var random = new Random(7);
        var keys = new ulong[Keys];
        for (int i = 0; i < Keys; i++)
        {
            keys[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            Assert.True(index.TryAdd(keys[i], snapshot: (ulong)i * 3, out _));
        }

        Assert.Equal(Keys, index.Count);
        for (int i = 0; i < Keys; i++)
        {
            Assert.False(index.TryAdd(keys[i], snapshot: 1, out uint snapshot));
            Assert.Equal((uint)(i * 3), snapshot);
        }
        Assert.Equal(Keys, index.Count);
    }

    [Fact]
    public void Keys_alike_in_their_top_bits_are_spread_over_the_shards()
    {
        // 40,000 keys equal in their top 40 bits: sharded by those bits unmixed, they would all land in one shard.
        var index = new KeyIndex();
        for (int i = 0; i < 40_000; i++) Assert.True(index.TryAdd(0xABCD_EF01_2300_0000UL | (ulong)i << 4, (ulong)i, out _));
        for (int i = 0; i < 40_000; i++)
        {
            Assert.False(index.TryAdd(0xABCD_EF01_2300_0000UL | (ulong)i << 4, 0, out uint snapshot));
            Assert.Equal((uint)i, snapshot);
        }
        Assert.InRange(index.LargestShard, 1, 40_000 / 4096 * 4);
    }

    [Fact]
    public void A_key_hashing_to_zero_is_kept_like_any_other()
    {
        var index = new KeyIndex();
        Assert.True(index.TryAdd(0, snapshot: 5, out _));
        Assert.False(index.TryAdd(0, snapshot: 6, out uint snapshot));
        Assert.Equal(5U, snapshot);
    }

    [Fact]
    public void Memory_grows_with_the_keys_a_shard_at_a_time_about_as_fast_as_they_do()
    {
        var index = new KeyIndex();
        for (int i = 0; i < 250_000; i++) index.TryAdd((ulong)i * 0x9E37_79B9_7F4A_7C15UL, 0, out _);
        long national = index.Bytes;
        for (int i = 250_000; i < 1_000_000; i++) index.TryAdd((ulong)i * 0x9E37_79B9_7F4A_7C15UL, 0, out _);

        Assert.InRange(national, 3_000_000, 5_500_000);
        Assert.InRange(index.Bytes, 12_000_000, 20_000_000);
        Assert.InRange((double)index.Bytes / national, 3.0, 5.0);
    }
}
