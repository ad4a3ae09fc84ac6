using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ingest.Tables;

/// <summary>
/// A pooled array that grows by doubling; reused across row groups. It rents nothing until the first item, and
/// <see cref="Release"/> gives the array back to the pool between uses (the next item rents again).
/// </summary>
internal sealed class GrowableBuffer<T>(int capacity = 1024) : IDisposable
{
    private T[] _items = [];

    public int Count { get; private set; }

    /// <summary>The array's length (what is held), not the items in it.</summary>
    public int Capacity => _items.Length;

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    public Span<T> Span => _items.AsSpan(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (Count == _items.Length) Grow(Count + 1);
        _items[Count++] = item;
    }

    /// <summary>Reserves <paramref name="count"/> items at the end and returns them to fill.</summary>
    public Span<T> Append(int count)
    {
        if (Count + count > _items.Length) Grow(Count + count);
        Span<T> span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Makes room for <paramref name="count"/> items in all, so that adding up to them does not grow.</summary>
    public void EnsureCapacity(int count)
    {
        if (count > _items.Length) Grow(count, exact: true);
    }

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items.AsSpan(0, Count).Clear();
        Count = 0;
    }

    /// <summary>Empties the buffer and returns its array to the pool.</summary>
    public void Release()
    {
        Clear();
        if (_items.Length > 0) ArrayPool<T>.Shared.Return(_items);
        _items = [];
    }

    public void Dispose() => Release();

    private void Grow(int needed, bool exact = false)
    {
        int size = exact ? needed : Math.Max(needed, Math.Max(capacity, _items.Length * 2));
        T[] larger = ArrayPool<T>.Shared.Rent(size);
        _items.AsSpan(0, Count).CopyTo(larger);
        if (_items.Length > 0)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items.AsSpan(0, Count).Clear();
            ArrayPool<T>.Shared.Return(_items);
        }
        _items = larger;
    }
}
