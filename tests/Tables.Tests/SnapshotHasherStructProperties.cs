using Apache.Arrow;
using Apache.Arrow.Types;
using CsCheck;
using Ingest.Hashing;
using Ingest.Tests;

namespace Ingest.Tables.Tests;

/// <summary>
/// Properties of <c>_snapshot</c> over struct columns (a small nested record) and lists of structs: what makes two
/// rows hash equal, and what must make them differ, whatever offsets the arrays sit at.
/// </summary>
public sealed class SnapshotHasherStructProperties
{
    private sealed record Row(string? Vin, Hours? Hours, Hours?[]? Week);

    private static readonly Schema RowSchema = new Schema.Builder()
        .Field(new Field("vin", StringType.Default, true))
        .Field(new Field("hours", HoursArrays.HoursType, true))
        .Field(new Field("week", HoursArrays.WeekType, true))
        .Build();

    private static Gen<T?> Nullable<T>(Gen<T> gen) where T : struct => Gen.Frequency((1, Gen.Const((T?)null)), (5, gen.Select(v => (T?)v)));

    private static Gen<T?> NullableRef<T>(Gen<T> gen) where T : class => Gen.Frequency((1, Gen.Const((T?)null)), (5, gen.Select(v => (T?)v)));

    private static readonly Gen<string> Texts = Gen.String[Gen.Frequency((8, Gen.Char['a', 'e']), (1, Gen.Char['\u00e0', '\u00e9'])), 0, 5];

    private static readonly Gen<Hours> AnyHours =
        Gen.Select(Nullable(Gen.Bool), NullableRef(Texts), Nullable(Gen.Int[-2, 2]), Nullable(Gen.Long[-2, 2]), Nullable(Gen.Double[-2, 2]),
            Nullable(Gen.Int[-300, 300].Select(v => v / 100m)), Nullable(Gen.Int[-2, 2].Select(d => new DateOnly(1970, 1, 1).AddDays(d))), Nullable(Gen.Long[-2, 2]))
        .Select(NullableRef(NullableRef(Texts).Array[0, 2]), (t, tags) => new Hours(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, tags));

    /// <summary>Null, all fields null, or any values.</summary>
    private static readonly Gen<Hours?> MaybeHours = Gen.Frequency(
        (1, Gen.Const((Hours?)null)), (1, Gen.Const((Hours?)Hours.AllNull)), (6, AnyHours.Select(h => (Hours?)h)));

    private static readonly Gen<Hours?[]?> Weeks = NullableRef(MaybeHours.Array[0, 3]);

    private static readonly Gen<Row> Rows = Gen.Select(NullableRef(Texts), MaybeHours, Weeks, (vin, hours, week) => new Row(vin, hours, week));

    private static readonly Gen<HoursArrays.Layout> Layouts = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], (child, parent) => new HoursArrays.Layout(child, parent));

    private static RecordBatch Batch(IReadOnlyList<Row> rows, HoursArrays.Layout layout = default, Hours? filler = null)
    {
        var vin = new StringArray.Builder();
        foreach (Row row in rows)
            if (row.Vin is null) vin.AppendNull(); else vin.Append(row.Vin);
        return new RecordBatch(RowSchema,
            [vin.Build(), HoursArrays.Struct([.. rows.Select(r => r.Hours)], layout, filler), HoursArrays.List([.. rows.Select(r => r.Week)], layout, filler)],
            rows.Count);
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

    private static bool SameValues(Row a, Row b) => a.Vin == b.Vin && Hours.Same(a.Hours, b.Hours) && Hours.Same(a.Week, b.Week);

    [Fact]
    public void A_row_hashes_the_same_wherever_it_sits_whatever_the_offsets_and_the_values_under_null_structs()
    {
        Gen.Select(Rows, Rows.List[0, 4], Rows.List[0, 4], Layouts, AnyHours).Sample((row, before, after, layout, filler) =>
        {
            using RecordBatch alone = Batch([row]);
            using RecordBatch among = Batch([.. before, row, .. after], layout, filler);
            Assert.Equal(Hashes(alone)[0], Hashes(among)[before.Count]);
        });
    }

    [Fact]
    public void A_sliced_batch_hashes_its_rows_as_the_whole_batch_does()
    {
        Gen.Select(Rows.List[1, 10], Gen.Int[0, 9], Gen.Int[0, 9], Layouts).Sample((rows, x, y, layout) =>
        {
            int offset = Math.Min(x, rows.Count - 1);
            int length = Math.Min(y, rows.Count - offset);
            using RecordBatch whole = Batch(rows, layout);
            using RecordBatch slice = whole.Slice(offset, length);
            Assert.Equal(Hashes(whole).AsSpan(offset, length).ToArray(), Hashes(slice));
        });
    }

    [Fact]
    public void Rows_hash_equal_exactly_when_their_values_are_equal()
    {
        Gen.Select(Rows, Rows).Sample((a, b) => Assert.Equal(SameValues(a, b), Hash(a) == Hash(b)));
    }

    [Fact]
    public void Changing_any_one_field_of_a_struct_changes_the_hash()
    {
        Gen.Select(Rows, AnyHours, AnyHours, Gen.Int[0, Hours.FieldCount - 1]).Sample((row, hours, other, field) =>
        {
            Row before = row with { Hours = hours };
            Row after = row with { Hours = hours.WithField(field, other) };
            if (SameValues(before, after)) return;
            Assert.NotEqual(Hash(before), Hash(after));
        });
    }

    [Fact]
    public void Changing_any_one_field_of_an_element_of_a_list_of_structs_changes_the_hash()
    {
        Gen.Select(Rows, AnyHours.Array[1, 3], Gen.Int[0, 2], AnyHours, Gen.Int[0, Hours.FieldCount - 1]).Sample((row, week, at, other, field) =>
        {
            int element = at % week.Length;
            Hours?[] changed = [.. week];
            changed[element] = week[element]!.WithField(field, other);
            Row before = row with { Week = week };
            Row after = row with { Week = changed };
            if (SameValues(before, after)) return;
            Assert.NotEqual(Hash(before), Hash(after));
        });
    }

    [Fact]
    public void Adding_or_removing_an_element_of_a_list_of_structs_changes_the_hash()
    {
        Gen.Select(Rows, MaybeHours.Array[0, 3], MaybeHours, Gen.Int[0, 3]).Sample((row, week, added, at) =>
        {
            int position = at % (week.Length + 1);
            Hours?[] longer = [.. week[..position], added, .. week[position..]];
            Assert.NotEqual(Hash(row with { Week = week }), Hash(row with { Week = longer }));
            if (week.Length > 0)
            {
                int removed = at % week.Length;
                Hours?[] shorter = [.. week[..removed], .. week[(removed + 1)..]];
                Assert.NotEqual(Hash(row with { Week = week }), Hash(row with { Week = shorter }));
            }
        });
    }

    [Fact]
    public void A_null_struct_differs_from_a_struct_whose_fields_are_all_null()
    {
        var row = new Row("vin", null, null);
        Assert.NotEqual(Hash(row with { Hours = null }), Hash(row with { Hours = Hours.AllNull }));

        ulong[] weeks =
        [
            Hash(row with { Week = null }), Hash(row with { Week = [] }), Hash(row with { Week = [null] }), Hash(row with { Week = [Hours.AllNull] }),
            Hash(row with { Week = [null, null] }), Hash(row with { Week = [Hours.AllNull, Hours.AllNull] }), Hash(row with { Week = [null, Hours.AllNull] }),
        ];
        Assert.Equal(weeks.Length, weeks.Distinct().Count());
    }

    [Fact]
    public void Field_order_names_and_types_count_the_column_name_does_not()
    {
        Gen.Select(Texts, Texts, Gen.Int[-100_000, 100_000]).Sample((x, y, n) =>
        {
            StructType ab = Pair("a", "b", StringType.Default);
            if (x != y) Assert.NotEqual(HashOne("s", ab, Strings(x), Strings(y)), HashOne("s", ab, Strings(y), Strings(x)));
            Assert.NotEqual(HashOne("s", ab, Strings(x), Strings(y)), HashOne("s", Pair("b", "a", StringType.Default), Strings(x), Strings(y)));
            Assert.Equal(HashOne("s", ab, Strings(x), Strings(y)), HashOne("renamed", ab, Strings(x), Strings(y)));

            var asInt = new Int32Array.Builder().Append(n).Build();
            var asDate = new Date32Array.Builder().Append(new DateOnly(1970, 1, 1).AddDays(n)).Build();
            Assert.NotEqual(
                HashOne("s", Pair("a", "b", Int32Type.Default), asInt, asInt),
                HashOne("s", Pair("a", "b", Date32Type.Default), asDate, asDate));
        });

        static StructType Pair(string first, string second, IArrowType type) => new([new Field(first, type, true), new Field(second, type, true)]);

        static StringArray Strings(string value) => new StringArray.Builder().Append(value).Build();

        static ulong HashOne(string column, StructType type, IArrowArray first, IArrowArray second)
        {
            var array = new StructArray(type, 1, [first, second], ArrowBuffer.Empty);
            using var batch = new RecordBatch(new Schema.Builder().Field(new Field(column, type, true)).Build(), [array], 1);
            return Hashes(batch)[0];
        }
    }

    [Fact]
    public void Hashes_are_stable_across_runs()
    {
        var hours = new Hours(false, "09:00", 40, 1_234_567, 4.5, 12.50m, new DateOnly(2025, 11, 27), 1_764_201_600_000_000, ["drive-in", null]);
        Assert.Equal(4_728_464_442_551_147_378UL, Hash(new Row("1C4HJXEN5RW100001", hours, [hours, null, Hours.AllNull with { Closed = true }])));
        Assert.Equal(7_361_186_252_745_048_818UL, Hash(new Row(null, null, null)));
    }

    [Fact]
    public void Hashing_allocates_nothing_per_row()
    {
        var rows = Enumerable.Range(0, 10_000)
            .Select(i => new Row($"vin{i}", i % 7 == 0 ? null : new Hours(i % 2 == 0, $"{i % 24:00}:00", i, i, i, i, null, i, [$"t{i}"]),
                i % 5 == 0 ? null : [new Hours(null, "x", i, null, null, null, null, null, null), null]))
            .ToList();
        using RecordBatch batch = Batch(rows, new HoursArrays.Layout(1, 2));
        var hasher = new SnapshotHasher();
        var hashes = new ulong[batch.Length];
        hasher.HashRows(batch, hashes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        hasher.HashRows(batch, hashes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 4_096);
    }
}
