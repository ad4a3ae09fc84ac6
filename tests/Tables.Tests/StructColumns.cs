using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.Tests;

/// <summary>
/// A batch with struct columns as the extractor builds them (small nested records → <c>struct</c>, arrays of them →
/// <c>list&lt;struct&gt;</c>): the struct's own validity (<see cref="ArrowBuffer.Empty"/> when no row is null),
/// children as long as the struct with nulls of their own, every flat type inside, a <c>list&lt;utf8&gt;</c> inside the
/// struct and a <c>list&lt;int32&gt;</c> inside the listed structs. Each row's values follow from its id, and
/// <see cref="HoursText"/>/<see cref="OffersText"/> spell them the way <see cref="ArrowText"/> reads them from Arrow.
/// </summary>
internal static class StructColumns
{
    public static readonly Decimal128Type Fee = new(10, 2);
    public static readonly Decimal128Type Amount = new(12, 2);
    public static readonly TimestampType Utc = new(TimeUnit.Microsecond, "UTC");

    public static readonly StructType HoursType = new(
    [
        new Field("closed", BooleanType.Default, true),
        new Field("open_time", StringType.Default, true),
        new Field("opened", Date32Type.Default, true),
        new Field("updated", Utc, true),
        new Field("fee", Fee, true),
        new Field("visits", Int32Type.Default, true),
        new Field("rank", Int64Type.Default, true),
        new Field("score", DoubleType.Default, true),
        new Field("tags", new ListType(new Field("item", StringType.Default, true)), true),
    ]);

    public static readonly StructType OfferType = new(
    [
        new Field("amount", Amount, true),
        new Field("name", StringType.Default, true),
        new Field("starts", Date32Type.Default, true),
        new Field("seen", Utc, true),
        new Field("flags", new ListType(new Field("item", Int32Type.Default, true)), true),
    ]);

    public static readonly ListType OffersType = new(new Field("item", OfferType, true));

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("id", Int64Type.Default, nullable: false))
        .Field(new Field("hours", HoursType, nullable: true))
        .Field(new Field("note", StringType.Default, nullable: true))
        .Field(new Field("offers", OffersType, nullable: true))
        .Field(new Field("tail", Int32Type.Default, nullable: false))
        .Build();

    // hours: the struct is null for id % 6 == 4 (its children then hold values anyway, as Arrow allows);
    // each field is null on a pattern of its own.
    public static bool HoursIsNull(long id) => id % 6 == 4;
    public static bool? Closed(long id) => id % 5 == 0 ? null : id % 2 == 0;
    public static string? OpenTime(long id) => id % 4 == 1 ? null : id % 4 == 3 ? "" : Invariant($"{id % 24:00}:30 ✓");
    public static DateOnly? Opened(long id) => id % 7 == 2 ? null : new DateOnly(1969, 12, 20).AddDays((int)(id % 3000));
    public static long? Updated(long id) => id % 3 == 2 ? null : (id - 200) * 3_600_000_000L + id;
    public static decimal? HoursFee(long id) => id % 5 == 3 ? null : id * 37 % 100_000 / 100m * (id % 2 == 0 ? 1 : -1);
    public static int? Visits(long id) => id % 6 == 5 ? null : (int)(id * 31) - 1000;
    public static long? Rank(long id) => id * 10_000_000_019L;
    public static double? Score(long id) => id % 8 == 7 ? null : id / 4.0 - 3;

    /// <summary>Null for id % 5 == 1, empty for 2, else id % 3 + 1 tags, the second one null.</summary>
    public static string?[]? Tags(long id) => id % 5 == 1 ? null : id % 5 == 2 ? [] :
        [.. Enumerable.Range(0, (int)(id % 3) + 1).Select(j => j == 1 ? null : Invariant($"t{id}.{j}"))];

    public static string? Note(long id) => id % 9 == 8 ? null : Invariant($"n{id}");

    public static int Tail(long id) => (int)(id * 3);

    // offers: null for id % 7 == 1, empty for 2, else id % 3 + 1 offers, the second one a null struct.
    public static int OffersShape(long id) => id % 7 == 1 ? -1 : id % 7 == 2 ? 0 : (int)(id % 3) + 1;
    public static bool OfferIsNull(int j) => j == 1;
    public static decimal? OfferAmount(long id, int j) => j == 2 ? null : id + j / 100m;
    public static string? OfferName(long id, int j) => id % 2 == 0 && j == 0 ? null : Invariant($"o{id}.{j}");
    public static DateOnly OfferStarts(long id, int j) => new DateOnly(2026, 1, 1).AddDays(j - (int)(id % 50));
    public static long OfferSeen(long id, int j) => id * 1_000_003L + j;

    /// <summary>Null for the third offer, empty for the first when id % 4 == 0, else three flags, the second null.</summary>
    public static int?[]? OfferFlags(long id, int j) => j == 2 ? null : j == 0 && id % 4 == 0 ? [] : [(int)id, null, j + 7];

    /// <summary>
    /// Rows <paramref name="first"/>..+<paramref name="rows"/>. With <paramref name="childOffset"/> &gt; 0 the struct
    /// column's children are themselves slices starting that many slots into their buffers (Arrow: a child's offset
    /// adds to its parent's).
    /// </summary>
    public static RecordBatch Create(long first, int rows, int childOffset = 0)
    {
        var id = new Int64Array.Builder();
        var note = new StringArray.Builder();
        var tail = new Int32Array.Builder();
        for (long r = first; r < first + rows; r++)
        {
            id.Append(r);
            if (Note(r) is { } n) note.Append(n); else note.AppendNull();
            tail.Append(Tail(r));
        }
        return new RecordBatch(Schema, [id.Build(), Hours(first, rows, childOffset), note.Build(), Offers(first, rows), tail.Build()], rows);
    }

    private static StructArray Hours(long first, int rows, int childOffset)
    {
        var closed = new BooleanArray.Builder();
        var openTime = new StringArray.Builder();
        var opened = new Date32Array.Builder();
        var updated = new TimestampArray.Builder(Utc);
        var fee = new Decimal128Array.Builder(Fee);
        var visits = new Int32Array.Builder();
        var rank = new Int64Array.Builder();
        var score = new DoubleArray.Builder();
        var tags = new ListArray.Builder(StringType.Default);
        var valid = new bool[rows];
        for (long r = first - childOffset; r < first + rows; r++)
        {
            if (r >= first) valid[r - first] = !HoursIsNull(r);
            if (Closed(r) is { } c) closed.Append(c); else closed.AppendNull();
            if (OpenTime(r) is { } o) openTime.Append(o); else openTime.AppendNull();
            if (Opened(r) is { } d) opened.Append(d); else opened.AppendNull();
            if (Updated(r) is { } u) updated.Append(DateTimeOffset.UnixEpoch.AddTicks(u * 10)); else updated.AppendNull();
            if (HoursFee(r) is { } f) fee.Append(f); else fee.AppendNull();
            if (Visits(r) is { } v) visits.Append(v); else visits.AppendNull();
            if (Rank(r) is { } k) rank.Append(k); else rank.AppendNull();
            if (Score(r) is { } s) score.Append(s); else score.AppendNull();
            AppendStrings(tags, Tags(r));
        }
        IArrowArray[] children = [closed.Build(), openTime.Build(), opened.Build(), updated.Build(), fee.Build(), visits.Build(), rank.Build(), score.Build(), tags.Build()];
        if (childOffset > 0) children = [.. children.Select(c => ArrowArrayFactory.BuildArray(c.Data.Slice(childOffset, rows)))];
        (ArrowBuffer validity, int nulls) = Validity(valid);
        return new StructArray(HoursType, rows, children, validity, nulls);
    }

    private static ListArray Offers(long first, int rows)
    {
        var amount = new Decimal128Array.Builder(Amount);
        var name = new StringArray.Builder();
        var starts = new Date32Array.Builder();
        var seen = new TimestampArray.Builder(Utc);
        var flags = new ListArray.Builder(Int32Type.Default);
        var itemValid = new List<bool>();
        var listValid = new bool[rows];
        var offsets = new int[rows + 1];
        for (long r = first; r < first + rows; r++)
        {
            int row = (int)(r - first);
            int shape = OffersShape(r);
            listValid[row] = shape >= 0;
            for (int j = 0; j < shape; j++)
            {
                itemValid.Add(!OfferIsNull(j));
                if (OfferAmount(r, j) is { } a) amount.Append(a); else amount.AppendNull();
                if (OfferName(r, j) is { } n) name.Append(n); else name.AppendNull();
                starts.Append(OfferStarts(r, j));
                seen.Append(DateTimeOffset.UnixEpoch.AddTicks(OfferSeen(r, j) * 10));
                AppendInts(flags, OfferFlags(r, j));
            }
            offsets[row + 1] = itemValid.Count;
        }
        (ArrowBuffer itemValidity, int itemNulls) = Validity([.. itemValid]);
        var items = new StructArray(OfferType, itemValid.Count, [amount.Build(), name.Build(), starts.Build(), seen.Build(), flags.Build()], itemValidity, itemNulls);
        (ArrowBuffer validity, int nulls) = Validity(listValid);
        var offsetBytes = new byte[offsets.Length * sizeof(int)];
        Buffer.BlockCopy(offsets, 0, offsetBytes, 0, offsetBytes.Length);
        return new ListArray(new ArrayData(OffersType, rows, nulls, 0, [validity, new ArrowBuffer(offsetBytes)], [items.Data]));
    }

    /// <summary>A validity bitmap, or <see cref="ArrowBuffer.Empty"/> when every slot is valid (as the extractor leaves it).</summary>
    private static (ArrowBuffer Bitmap, int Nulls) Validity(bool[] valid)
    {
        int nulls = valid.Count(v => !v);
        if (nulls == 0) return (ArrowBuffer.Empty, 0);
        var bits = new byte[(valid.Length + 7) / 8];
        for (int i = 0; i < valid.Length; i++) if (valid[i]) bits[i >> 3] |= (byte)(1 << (i & 7));
        return (new ArrowBuffer(bits), nulls);
    }

    private static void AppendStrings(ListArray.Builder list, string?[]? values)
    {
        if (values is null)
        {
            list.AppendNull();
            return;
        }
        list.Append();
        var builder = (StringArray.Builder)list.ValueBuilder;
        foreach (string? value in values) if (value is null) builder.AppendNull(); else builder.Append(value);
    }

    private static void AppendInts(ListArray.Builder list, int?[]? values)
    {
        if (values is null)
        {
            list.AppendNull();
            return;
        }
        list.Append();
        var builder = (Int32Array.Builder)list.ValueBuilder;
        foreach (int? value in values) if (value is null) builder.AppendNull(); else builder.Append(value.Value);
    }

    /// <summary>Row <paramref name="id"/>'s <c>hours</c> as <see cref="ArrowText"/> spells it.</summary>
    public static string HoursText(long id) => HoursIsNull(id) ? ArrowText.Null : ArrowText.Struct(
        ("closed", ArrowText.Of(Closed(id))),
        ("open_time", ArrowText.Of(OpenTime(id))),
        ("opened", ArrowText.Of(Opened(id))),
        ("updated", ArrowText.Timestamp(Updated(id))),
        ("fee", ArrowText.Of(HoursFee(id))),
        ("visits", ArrowText.Of(Visits(id))),
        ("rank", ArrowText.Of(Rank(id))),
        ("score", ArrowText.Of(Score(id))),
        ("tags", Tags(id) is { } tags ? ArrowText.List(tags.Select(t => ArrowText.Of(t))) : ArrowText.Null));

    /// <summary>Row <paramref name="id"/>'s <c>offers</c> as <see cref="ArrowText"/> spells it.</summary>
    public static string OffersText(long id)
    {
        int shape = OffersShape(id);
        if (shape < 0) return ArrowText.Null;
        return ArrowText.List(Enumerable.Range(0, shape).Select(j => OfferIsNull(j) ? ArrowText.Null : ArrowText.Struct(
            ("amount", ArrowText.Of(OfferAmount(id, j))),
            ("name", ArrowText.Of(OfferName(id, j))),
            ("starts", ArrowText.Of(OfferStarts(id, j))),
            ("seen", ArrowText.Timestamp(OfferSeen(id, j))),
            ("flags", OfferFlags(id, j) is { } flags ? ArrowText.List(flags.Select(f => ArrowText.Of(f))) : ArrowText.Null))));
    }

    /// <summary>Every row of <paramref name="batch"/> (of <see cref="Schema"/>, or a projection of it) against the values its id says.</summary>
    public static void AssertRows(RecordBatch batch, IReadOnlyList<long> ids)
    {
        Assert.Equal(ids.Count, batch.Length);
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            Func<long, string> expected = batch.Schema.FieldsList[c].Name switch
            {
                "id" => id => ArrowText.Of(id),
                "hours" => HoursText,
                "note" => id => ArrowText.Of(Note(id)),
                "offers" => OffersText,
                "tail" => id => ArrowText.Of(Tail(id)),
                string other => throw new InvalidOperationException(other),
            };
            IArrowArray column = batch.Column(c);
            for (int row = 0; row < ids.Count; row++)
                Assert.True(expected(ids[row]) == ArrowText.Of(column, row),
                    $"{batch.Schema.FieldsList[c].Name} of id {ids[row]}: expected {expected(ids[row])}, read {ArrowText.Of(column, row)}");
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
