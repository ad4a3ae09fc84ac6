using System.Collections.Concurrent;
using System.Numerics;

namespace Ingest.Columns;

/// <summary>
/// The arrays column buffers are built on, kept between batches. Unlike <c>ArrayPool&lt;byte&gt;.Shared</c> it is
/// not trimmed by a full garbage collection, which would make the batch after every gen-2 GC allocate and fault in
/// all its column buffers again; and it holds many arrays of one size, as a wide entity needs (three per column).
/// What it keeps is bounded by the batches alive at once: each size class holds at most <see cref="MaxPerSize"/>.
/// </summary>
public static class ColumnBufferPool
{
    private const int MaxPerSize = 1024;
    private const int SizeClasses = 31;
    private static readonly ConcurrentBag<byte[]>[] Free = CreateClasses();

    /// <summary>An array of at least <paramref name="minimumLength"/> bytes (a power of two, at least 64).</summary>
    public static byte[] Rent(int minimumLength)
    {
        int sizeClass = SizeClass(minimumLength);
        if (sizeClass < SizeClasses && Free[sizeClass].TryTake(out byte[]? array)) return array;
        return sizeClass < SizeClasses ? GC.AllocateUninitializedArray<byte>(1 << sizeClass) : new byte[minimumLength];
    }

    /// <summary>Takes an array back; one that did not come from <see cref="Rent"/> (not a power of two) is left to the GC.</summary>
    public static void Return(byte[] array)
    {
        if (!BitOperations.IsPow2(array.Length) || array.Length < 64) return;
        int sizeClass = BitOperations.Log2((uint)array.Length);
        if (sizeClass < SizeClasses && Free[sizeClass].Count < MaxPerSize) Free[sizeClass].Add(array);
    }

    private static int SizeClass(int minimumLength) =>
        BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(minimumLength, 64)));

    private static ConcurrentBag<byte[]>[] CreateClasses()
    {
        var classes = new ConcurrentBag<byte[]>[SizeClasses];
        for (int i = 0; i < classes.Length; i++) classes[i] = [];
        return classes;
    }
}
