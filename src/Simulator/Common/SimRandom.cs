namespace Ingest.Simulator;

/// <summary>
/// A small, fast, deterministic pseudo-random generator (SplitMix64) keyed by a tuple of integers, so any entity
/// (a vehicle slot, a dealer, a request) can be generated on its own without replaying a global sequence.
/// </summary>
internal struct SimRandom
{
    private ulong _state;

    public SimRandom(ulong seed, ulong stream, ulong index, ulong salt = 0)
    {
        _state = Mix(Mix(Mix(seed ^ 0x9E3779B97F4A7C15UL) ^ stream) ^ index) ^ salt;
    }

    /// <summary>The SplitMix64 finaliser: a bijective avalanche of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stable hash of a key tuple, for one-shot decisions that need no generator state.</summary>
    public static ulong Hash(ulong a, ulong b, ulong c = 0, ulong d = 0) => Mix(Mix(Mix(Mix(a) ^ b) ^ c) ^ d);

    /// <summary>FNV-1a over the UTF-16 code units of a string, mixed; stable across processes (unlike string.GetHashCode).</summary>
    public static ulong HashString(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }
        return Mix(hash);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, exclusiveMax).</summary>
    public int Next(int exclusiveMax) => (int)((NextUInt64() >> 33) % (ulong)exclusiveMax);

    /// <summary>An integer in [min, exclusiveMax).</summary>
    public int Next(int min, int exclusiveMax) => min + Next(exclusiveMax - min);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A roughly normal variate (sum of uniforms), cheap and good enough for placing dealers.</summary>
    public double NextGaussian()
    {
        var sum = 0.0;
        for (var i = 0; i < 6; i++)
        {
            sum += NextDouble();
        }
        return (sum - 3.0) / 0.7071;
    }

    /// <summary>An index picked with probability proportional to a cumulative weight table.</summary>
    public int PickCumulative(double[] cumulativeWeights)
    {
        var target = NextDouble() * cumulativeWeights[^1];
        var index = Array.BinarySearch(cumulativeWeights, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulativeWeights.Length - 1);
    }
}
