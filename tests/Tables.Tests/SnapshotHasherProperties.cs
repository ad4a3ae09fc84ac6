using Apache.Arrow;
using Apache.Arrow.Types;
using CsCheck;
using Ingest.Hashing;

namespace Ingest.Tables.Tests;

/// <summary>Properties of <c>_snapshot</c>: what makes two rows hash equal, and what must make them differ.</summary>
public sealed class SnapshotHasherProperties
{
    private sealed record Row(string? S, int? I, long? L, double? F, decimal? M, bool? B, int? D, long? T, string?[]? Ls, int?[]? Li)
    {
        public const int Columns = 10;
    }

    private static readonly Decimal128Type Money = new(10, 2);
    private static readonly TimestampType Utc = new(TimeUnit.Microsecond, "UTC");

    private static readonly Schema RowSchema = new Schema.Builder()
        .Field(new Field("s", StringType.Default, true))
        .Field(new Field("i", Int32Type.Default, true))
        .Field(new Field("l", Int64Type.Default, true))
        .Field(new Field("f", DoubleType.Default, true))
        .Field(new Field("m", Money, true))
        .Field(new Field("b", BooleanType.Default, true))
        .Field(new Field("d", Date32Type.Default, true))
        .Field(new Field("t", Utc, true))
        .Field(new Field("ls", new ListType(new Field("item", StringType.Default, true)), true))
        .Field(new Field("li", new ListType(new Field("item", Int32Type.Default, true)), true))
        .Build();

    private static Gen<T?> Nullable<T>(Gen<T> gen) where T : struct => Gen.Frequency((1, Gen.Const((T?)null)), (5, gen.Select(v => (T?)v)));

    private static Gen<string?> NullableString(Gen<string> gen) => Gen.Frequency((1, Gen.Const((string?)null)), (5, gen.Select(v => (string?)v)));

    private static readonly Gen<string> Texts = Gen.String[Gen.Frequency((8, Gen.Char['a', 'e']), (1, Gen.Char['\u00e0', '\u00e9'])), 0, 6];

    private static readonly Gen<Row> Rows =
        Gen.Select(NullableString(Texts), Nullable(Gen.Int[-3, 3]), Nullable(Gen.Long[-3, 3]), Nullable(Gen.Double[-2, 2]),
            Nullable(Gen.Int[-500, 500].Select(v => v / 100m)), Nullable(Gen.Bool), Nullable(Gen.Int[-3, 3]), Nullable(Gen.Long[-3, 3]))
        .Select(
            Gen.Frequency((1, Gen.Const((string?[]?)null)), (5, NullableString(Texts).Array[0, 3].Select(a => (string?[]?)a))),
            Gen.Frequency((1, Gen.Const((int?[]?)null)), (5, Nullable(Gen.Int[-2, 2]).Array[0, 3].Select(a => (int?[]?)a))),
            (t, ls, li) => new Row(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, ls, li));

    private static RecordBatch Batch(IReadOnlyList<Row> rows)
    {
        var s = new StringArray.Builder();
        var i = new Int32Array.Builder();
        var l = new Int64Array.Builder();
        var f = new DoubleArray.Builder();
        var m = new Decimal128Array.Builder(Money);
        var b = new BooleanArray.Builder();
        var d = new Date32Array.Builder();
        var t = new TimestampArray.Builder(Utc);
        var ls = new ListArray.Builder(StringType.Default);
        var li = new ListArray.Builder(Int32Type.Default);
        foreach (Row row in rows)
        {
            if (row.S is null) s.AppendNull(); else s.Append(row.S);
            if (row.I is { } iv) i.Append(iv); else i.AppendNull();
            if (row.L is { } lv) l.Append(lv); else l.AppendNull();
            if (row.F is { } fv) f.Append(fv); else f.AppendNull();
            if (row.M is { } mv) m.Append(mv); else m.AppendNull();
            if (row.B is { } bv) b.Append(bv); else b.AppendNull();
            if (row.D is { } dv) d.Append(DateOnly.FromDayNumber(719_162 + dv)); else d.AppendNull();
            if (row.T is { } tv) t.Append(DateTimeOffset.UnixEpoch.AddTicks(tv * 10)); else t.AppendNull();
            if (row.Ls is null) ls.AppendNull();
            else
            {
                ls.Append();
                foreach (string? item in row.Ls)
                {
                    if (item is null) ((StringArray.Builder)ls.ValueBuilder).AppendNull(); else ((StringArray.Builder)ls.ValueBuilder).Append(item);
                }
            }
            if (row.Li is null) li.AppendNull();
            else
            {
                li.Append();
                foreach (int? item in row.Li)
                {
                    if (item is { } v) ((Int32Array.Builder)li.ValueBuilder).Append(v); else ((Int32Array.Builder)li.ValueBuilder).AppendNull();
                }
            }
        }
        return new RecordBatch(RowSchema, [s.Build(), i.Build(), l.Build(), f.Build(), m.Build(), b.Build(), d.Build(), t.Build(), ls.Build(), li.Build()], rows.Count);
    }

    private static ulong[] Hashes(RecordBatch batch)
    {
        var hashes = new ulong[batch.Length];
        new SnapshotHasher().HashRows(batch, hashes);
        return hashes;
    }

    private static ulong Hash(Row row)
    {
        using RecordBatch batch = Batch([row]);
        return Hashes(batch)[0];
    }

    private static bool SameValues(Row a, Row b) =>
        a.S == b.S && a.I == b.I && a.L == b.L && Equals(a.F, b.F) && a.M == b.M && a.B == b.B && a.D == b.D && a.T == b.T
        && (a.Ls is null ? b.Ls is null : b.Ls is not null && a.Ls.SequenceEqual(b.Ls))
        && (a.Li is null ? b.Li is null : b.Li is not null && a.Li.SequenceEqual(b.Li));

    [Fact]
    public void A_row_hashes_the_same_wherever_it_sits_in_whichever_batch()
    {
        Gen.Select(Rows, Rows.List[0, 5], Rows.List[0, 5]).Sample((row, before, after) =>
        {
            using RecordBatch alone = Batch([row]);
            using RecordBatch among = Batch([.. before, row, .. after]);
            Assert.Equal(Hashes(alone)[0], Hashes(among)[before.Count]);
        });
    }

    [Fact]
    public void Rows_hash_equal_exactly_when_their_values_are_equal()
    {
        Gen.Select(Rows, Rows).Sample((a, b) =>
        {
            double? fa = a.F == 0 ? 0 : a.F;
            double? fb = b.F == 0 ? 0 : b.F;
            Assert.Equal(SameValues(a with { F = fa }, b with { F = fb }), Hash(a) == Hash(b));
        });
    }

    [Fact]
    public void Changing_any_one_column_changes_the_hash()
    {
        Gen.Select(Rows, Rows, Gen.Int[0, Row.Columns - 1]).Sample((row, other, column) =>
        {
            Row changed = column switch
            {
                0 => row with { S = other.S },
                1 => row with { I = other.I },
                2 => row with { L = other.L },
                3 => row with { F = other.F },
                4 => row with { M = other.M },
                5 => row with { B = other.B },
                6 => row with { D = other.D },
                7 => row with { T = other.T },
                8 => row with { Ls = other.Ls },
                _ => row with { Li = other.Li },
            };
            if (SameValues(row, changed)) return;
            Assert.NotEqual(Hash(row), Hash(changed));
        });
    }

    [Fact]
    public void Null_empty_and_zero_all_differ()
    {
        var blank = new Row(null, null, null, null, null, null, null, null, null, null);
        ulong[] hashes =
        [
            Hash(blank), Hash(blank with { S = "" }), Hash(blank with { I = 0 }), Hash(blank with { L = 0 }), Hash(blank with { F = 0 }),
            Hash(blank with { M = 0m }), Hash(blank with { B = false }), Hash(blank with { D = 0 }), Hash(blank with { T = 0 }),
            Hash(blank with { Ls = [] }), Hash(blank with { Ls = [null] }), Hash(blank with { Ls = [""] }), Hash(blank with { Ls = ["", ""] }),
            Hash(blank with { Li = [] }), Hash(blank with { Li = [null] }), Hash(blank with { Li = [0] }),
            Hash(blank with { S = "a", I = 0 }), Hash(blank with { S = "", I = 0 }),
        ];
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Strings_split_differently_across_list_elements_differ()
    {
        Gen.Select(Texts, Texts).Sample((a, b) =>
        {
            var blank = new Row(null, null, null, null, null, null, null, null, null, null);
            if (a.Length == 0) return;
            Assert.NotEqual(Hash(blank with { Ls = [a, b] }), Hash(blank with { Ls = [a[..^1], a[^1..] + b] }));
        });
    }

    [Fact]
    public void Column_order_and_column_types_count()
    {
        Gen.Select(Texts, Texts, Gen.Int[-100_000, 100_000]).Sample((a, b, n) =>
        {
            Schema xy = new Schema.Builder().Field(new Field("x", StringType.Default, true)).Field(new Field("y", StringType.Default, true)).Build();
            using var ab = new RecordBatch(xy, [new StringArray.Builder().Append(a).Build(), new StringArray.Builder().Append(b).Build()], 1);
            using var ba = new RecordBatch(xy, [new StringArray.Builder().Append(b).Build(), new StringArray.Builder().Append(a).Build()], 1);
            if (a != b) Assert.NotEqual(Hashes(ab)[0], Hashes(ba)[0]);

            using var asInt = new RecordBatch(new Schema.Builder().Field(new Field("x", Int32Type.Default, true)).Build(), [new Int32Array.Builder().Append(n).Build()], 1);
            using var asDate = new RecordBatch(new Schema.Builder().Field(new Field("x", Date32Type.Default, true)).Build(), [new Date32Array.Builder().Append(DateOnly.FromDayNumber(719_162 + n)).Build()], 1);
            Assert.NotEqual(Hashes(asInt)[0], Hashes(asDate)[0]);
        });
    }

    [Fact]
    public void A_sliced_batch_hashes_its_rows_as_the_whole_batch_does()
    {
        Gen.Select(Rows.List[1, 12], Gen.Int[0, 11], Gen.Int[0, 11]).Sample((rows, x, y) =>
        {
            int offset = Math.Min(x, rows.Count - 1);
            int length = Math.Min(y, rows.Count - offset);
            using RecordBatch whole = Batch(rows);
            using RecordBatch slice = whole.Slice(offset, length);
            Assert.Equal(Hashes(whole).AsSpan(offset, length).ToArray(), Hashes(slice));
        });
    }

    [Fact]
    public void Hashes_are_stable_across_runs()
    {
        var row = new Row("Jeep Wrangler", 2026, 1_234_567_890_123, 48_995.5, 48_995.00m, true, 20_000, 1_764_201_600_000_000, ["4x4", null, ""], [1, null, 3]);
        Assert.Equal(2_527_176_357_325_502_960UL, Hash(row));
    }

    [Fact]
    public void Hashes_of_nulls_zeros_and_empties_are_stable_across_runs()
    {
        var blank = new Row(null, null, null, null, null, null, null, null, null, null);
        var zeros = new Row("", 0, 0, -0d, 0m, false, 0, 0, [], []);
        var nullItems = new Row(null, -1, long.MinValue, double.NaN, -0.01m, null, -1, -1, [null], [null, int.MinValue]);
        // Snapshots already written hold these: a change to the hasher must leave them where they are.
        Assert.Equal(9_665_431_499_051_770_341UL, Hash(blank));
        Assert.Equal(18_136_199_921_740_284_831UL, Hash(zeros));
        Assert.Equal(13_804_592_310_945_708_438UL, Hash(nullItems));
    }

    [Fact]
    public void Hashing_allocates_nothing_per_row()
    {
        var rows = Enumerable.Range(0, 10_000).Select(i => new Row($"vin{i}", i, i, i, i, i % 2 == 0, i, i, [$"a{i}", null], [i, null])).ToList();
        using RecordBatch batch = Batch(rows);
        var hasher = new SnapshotHasher();
        var hashes = new ulong[batch.Length];
        hasher.HashRows(batch, hashes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        hasher.HashRows(batch, hashes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 4_096);
    }

    [Fact]
    public void The_snapshot_column_is_appended_last_as_int64()
    {
        using RecordBatch batch = Batch([new Row("a", 1, 1, 1, 1, true, 1, 1, [], [])]);
        using RecordBatch withSnapshot = new SnapshotHasher().AppendSnapshotColumn(batch);

        Assert.Equal("_snapshot", withSnapshot.Schema.FieldsList[^1].Name);
        Assert.Equal(unchecked((long)Hashes(batch)[0]), ((Int64Array)withSnapshot.Column(withSnapshot.ColumnCount - 1)).GetValue(0));
    }
}
