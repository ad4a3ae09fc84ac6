using System.Text.Json;

namespace Ingest.Benchmarks.Contenders;

/// <summary>The floor: a <see cref="Utf8JsonReader"/> over every token of every page, producing nothing.</summary>
public static class BareScan
{
    public static long Run(byte[][] pages)
    {
        long tokens = 0;
        foreach (byte[] page in pages)
        {
            var reader = new Utf8JsonReader(page);
            while (reader.Read()) tokens++;
        }
        return tokens;
    }
}
