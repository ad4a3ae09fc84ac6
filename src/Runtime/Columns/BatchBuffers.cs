using System.Buffers;
using System.Collections.Concurrent;

namespace Ingest.Columns;

/// <summary>
/// The pooled arrays one batch's Arrow buffers are built on. The arrays back the Arrow arrays without a copy, so
/// they go back to the pool only when the batch is disposed; the holder itself is then reused by the next batch.
/// </summary>
public sealed class BatchBuffers : IDisposable
{
    private readonly List<byte[]> _rented = new(capacity: 256);
    private readonly ConcurrentBag<BatchBuffers>? _home;

    public BatchBuffers()
    {
    }

    /// <summary>A holder that goes back to <paramref name="home"/> when disposed, to be used again.</summary>
    internal BatchBuffers(ConcurrentBag<BatchBuffers> home) => _home = home;

    internal void Adopt(byte[] array) => _rented.Add(array);

    public void Dispose()
    {
        if (_rented.Count == 0) return;
        foreach (byte[] array in _rented) ColumnBufferPool.Return(array);
        _rented.Clear();
        _home?.Add(this);
    }
}
