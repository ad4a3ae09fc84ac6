using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using Ingest.Hashing;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>_snapshot</c> over the 51,200-row, 73-column workload: <see cref="SnapshotHasher"/> (column-wise XxHash3)
/// against the seed pipeline's way, MD5 over each row stringified (values joined with a separator).
/// </summary>
[MemoryDiagnoser]
public class SnapshotHashBenchmarks
{
    private RecordBatch[] _batches = [];
    private readonly SnapshotHasher _hasher = new();
    private ulong[] _hashes = [];

    [GlobalSetup]
    public void Setup()
    {
        _batches = TableStoreWorkload.Instance.Batches;
        _hashes = new ulong[_batches.Max(b => b.Length)];
    }

    [Benchmark]
    public ulong SnapshotHasherXxHash3()
    {
        ulong sum = 0;
        foreach (RecordBatch batch in _batches)
        {
            _hasher.HashRows(batch, _hashes);
            for (int i = 0; i < batch.Length; i++) sum += _hashes[i];
        }
        return sum;
    }

    [Benchmark(Baseline = true)]
    public ulong Md5OfStringifiedRow()
    {
        ulong sum = 0;
        var row = new StringBuilder();
        Span<byte> digest = stackalloc byte[16];
        foreach (RecordBatch batch in _batches)
        {
            for (int i = 0; i < batch.Length; i++)
            {
                row.Clear();
                for (int c = 0; c < batch.ColumnCount; c++)
                {
                    if (c > 0) row.Append('|');
                    row.Append(Stringify(batch.Column(c), i));
                }
                MD5.HashData(Encoding.UTF8.GetBytes(row.ToString()), digest);
                sum += BitConverter.ToUInt64(digest);
            }
        }
        return sum;
    }

    /// <summary>What <c>str(value)</c> did in the seed: one string per value (lists as <c>[a, b]</c>).</summary>
    private static string Stringify(IArrowArray array, int i)
    {
        if (array.IsNull(i)) return "None";
        return array switch
        {
            StringArray s => s.GetString(i),
            Int32Array x => x.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
            Int64Array x => x.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
            DoubleArray x => x.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
            Decimal128Array x => x.GetValue(i)!.Value.ToString(CultureInfo.InvariantCulture),
            BooleanArray x => x.GetValue(i)!.Value ? "True" : "False",
            Date32Array x => x.GetDateOnly(i)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimestampArray x => x.GetTimestamp(i)!.Value.ToString("O", CultureInfo.InvariantCulture),
            ListArray x => "[" + string.Join(", ", Enumerable.Range(0, x.GetValueLength(i)).Select(j => Stringify(x.GetSlicedValues(i), j))) + "]",
            _ => array.ToString() ?? "",
        };
    }
}
