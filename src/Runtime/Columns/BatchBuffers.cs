using System.Buffers;

namespace Ingest.Columns;

/// <summary>
/// The pooled arrays one batch's Arrow buffers are built on. The arrays back the Arrow arrays without a copy, so
/// they go back to the pool only when the batch is disposed.
/// </summary>
public sealed class BatchBuffers : IDisposable
{
    private readonly List<byte[]> _rented = new(capacity: 256);

    internal void Adopt(byte[] array) => _rented.Add(array);

    public void Dispose()
    {
        foreach (byte[] array in _rented) ArrayPool<byte>.Shared.Return(array);
        _rented.Clear();
    }
}
