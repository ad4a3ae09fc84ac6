using ParquetSharp;

namespace Ingest.Tables;

/// <summary>
/// The memory pool parquet-cpp reads and writes part files with: jemalloc where ParquetSharp's native library has
/// it (Linux, macOS), else its default. Measured on the transformed stage (benchmarks/README.md, "Memory of the
/// stages"): reading a raw partition holds ~75 MB with jemalloc and is as fast as with mimalloc (the default),
/// which held 130–140 MB and kept growing with the partition; the C library's malloc was 5× slower to read.
/// </summary>
internal static class NativeMemory
{
    public static MemoryPool Pool { get; } = Choose();

    private static MemoryPool Choose()
    {
        try
        {
            return MemoryPool.JemallocMemoryPool();
        }
        catch (ParquetException)
        {
            return MemoryPool.GetDefaultMemoryPool();
        }
    }
}
