using Apache.Arrow;
using Ingest.Hashing;

namespace Ingest.Tables.Tests;

/// <summary>
/// The gatherer behind the ParquetSharp writer: slices of every column type, at offsets that are not a multiple of
/// 8, come out end to end with the same values, nulls and lists (compared row by row through the type-aware
/// snapshot hash), and the reused buffers carry nothing over after a clear.
/// </summary>
public sealed class BatchGathererTests
{
    private readonly SnapshotHasher _hasher = new();

    [Fact]
    public void Slices_at_any_offset_gather_into_the_rows_they_hold_in_order()
    {
        using RecordBatch source = AllTypes.Create(0, 400);
        (int Start, int Length)[] slices = [(3, 5), (13, 250), (263, 1), (301, 99)];
        // Sized for 1,000 rows once 255 have come in: the rows already gathered must survive the resize.
        var gatherer = new BatchGatherer(AllTypes.Schema, expectedRows: 1_000);
        // Slices share the source's buffers and are not disposed on their own.
        foreach ((int start, int length) in slices) gatherer.Append(source.Slice(start, length));

        RecordBatch gathered = gatherer.Build();

        long[] ids = [.. slices.SelectMany(s => Enumerable.Range(s.Start, s.Length)).Select(i => (long)i)];
        Assert.Equal(ids.Length, gathered.Length);
        Assert.Equal(ids, ((Int64Array)gathered.Column(0)).Values.ToArray());
        Assert.Equal(ExpectedHashes(ids), Hashes(gathered));
        Assert.Equal(ids.Count(AllTypes.IsNull), gathered.Column(1).NullCount);
    }

    [Fact]
    public void After_a_clear_the_reused_buffers_hold_only_the_new_rows()
    {
        var gatherer = new BatchGatherer(AllTypes.Schema);
        using (RecordBatch first = AllTypes.Create(1_000, 333)) gatherer.Append(first);
        gatherer.Clear();
        Assert.Equal(0, gatherer.Rows);

        using RecordBatch second = AllTypes.Create(0, 50);
        gatherer.Append(second.Slice(7, 43));
        RecordBatch gathered = gatherer.Build();

        long[] ids = [.. Enumerable.Range(7, 43).Select(i => (long)i)];
        Assert.Equal(ExpectedHashes(ids), Hashes(gathered));
    }

    [Fact]
    public void Bytes_count_what_is_gathered()
    {
        var gatherer = new BatchGatherer(AllTypes.Schema);
        using RecordBatch source = AllTypes.Create(0, 100);
        gatherer.Append(source);
        long one = gatherer.Bytes;
        gatherer.Append(source);

        Assert.Equal(200, gatherer.Rows);
        Assert.InRange(one, ArrowSizes.Bytes(source) - 64, ArrowSizes.Bytes(source) + 64);
        Assert.InRange(gatherer.Bytes, 2 * one - 64, 2 * one + 64);
    }

    private ulong[] Hashes(RecordBatch batch)
    {
        var hashes = new ulong[batch.Length];
        _hasher.HashRows(batch, hashes);
        return hashes;
    }

    private ulong[] ExpectedHashes(long[] ids)
    {
        var expected = new ulong[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            using RecordBatch row = AllTypes.Create(ids[i], 1);
            expected[i] = Hashes(row)[0];
        }
        return expected;
    }
}
