using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ingest.Tables;

/// <summary>A pooled array that grows by doubling; reused across row groups.</summary>
internal sealed class GrowableBuffer<T>(int capacity = 1024) : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(capacity);

    public int Count { get; private set; }

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

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items.AsSpan(0, Count).Clear();
        Count = 0;
    }

    public void Dispose()
    {
        Clear();
        ArrayPool<T>.Shared.Return(_items);
        _items = [];
    }

    private void Grow(int needed)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, _items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(larger);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _items.AsSpan(0, Count).Clear();
        ArrayPool<T>.Shared.Return(_items);
        _items = larger;
    }
}
