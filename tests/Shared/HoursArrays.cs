using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tests;

/// <summary>
/// A small nested record, as the generator makes a struct column of it: one field of each child type a struct holds
/// (bool, utf8, int32, int64, float64, decimal128, date32, timestamp UTC and a list of utf8).
/// </summary>
internal sealed record Hours(bool? Closed, string? OpenTime, int? Seats, long? Visits, double? Rating, decimal? Fee, DateOnly? Since, long? UpdatedMicros, string?[]? Tags)
{
    public const int FieldCount = 9;

    /// <summary>A present struct whose fields are all null.</summary>
    public static Hours AllNull { get; } = new(null, null, null, null, null, null, null, null, null);

    /// <summary>Values equal field by field (lists element by element; doubles as <c>==</c>, NaN equal to NaN).</summary>
    public static bool Same(Hours? a, Hours? b) =>
        a is null || b is null ? a is null && b is null
        : a.Closed == b.Closed && a.OpenTime == b.OpenTime && a.Seats == b.Seats && a.Visits == b.Visits
          && Nullable.Equals(a.Rating, b.Rating) && a.Fee == b.Fee && a.Since == b.Since && a.UpdatedMicros == b.UpdatedMicros
          && (a.Tags is null ? b.Tags is null : b.Tags is not null && a.Tags.SequenceEqual(b.Tags));

    public static bool Same(Hours?[]? a, Hours?[]? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (!Same(a[i], b[i])) return false;
        return true;
    }

    /// <summary>This record with field <paramref name="field"/> (0 to <see cref="FieldCount"/> - 1) taken from <paramref name="other"/>.</summary>
    public Hours WithField(int field, Hours other) => field switch
    {
        0 => this with { Closed = other.Closed },
        1 => this with { OpenTime = other.OpenTime },
        2 => this with { Seats = other.Seats },
        3 => this with { Visits = other.Visits },
        4 => this with { Rating = other.Rating },
        5 => this with { Fee = other.Fee },
        6 => this with { Since = other.Since },
        7 => this with { UpdatedMicros = other.UpdatedMicros },
        _ => this with { Tags = other.Tags },
    };
}

/// <summary>
/// Struct and list-of-struct arrays of <see cref="Hours"/>, built the way Arrow lays them out, optionally at offsets:
/// children with offsets of their own under a parent with an offset (Arrow adds the two), filler values in the slots
/// the offsets skip and under null structs (where Arrow leaves children undefined). Linked into the test projects
/// that need them (see their project files).
/// </summary>
internal static class HoursArrays
{
    public static readonly Decimal128Type FeeType = new(10, 2);
    public static readonly TimestampType Utc = new(TimeUnit.Microsecond, "UTC");

    public static StructType HoursType { get; } = new(
    [
        new Field("closed", BooleanType.Default, true),
        new Field("open_time", StringType.Default, true),
        new Field("seats", Int32Type.Default, true),
        new Field("visits", Int64Type.Default, true),
        new Field("rating", DoubleType.Default, true),
        new Field("fee", FeeType, true),
        new Field("since", Date32Type.Default, true),
        new Field("updated", Utc, true),
        new Field("tags", new ListType(new Field("item", StringType.Default, true)), true),
    ]);

    public static ListType WeekType { get; } = new(new Field("item", HoursType, true));

    /// <summary>What fills the slots that offsets skip and the children of null structs: values that must not matter.</summary>
    public static Hours Filler { get; } = new(true, "junk", 99, 99, 9.5, 9.99m, new DateOnly(1999, 9, 9), 99, ["junk", null]);

    /// <summary>Where the values sit in their buffers: the children's own offset, and the parent's offset over them.</summary>
    public readonly record struct Layout(int ChildOffset, int ParentOffset);

    /// <summary>A struct array of <paramref name="values"/> (null for a null struct); no validity bitmap when none is null.</summary>
    public static StructArray Struct(IReadOnlyList<Hours?> values, Layout layout = default, Hours? filler = null)
    {
        filler ??= Filler;
        int skipped = layout.ChildOffset + layout.ParentOffset;
        var slots = new List<Hours>(skipped + values.Count);
        for (int i = 0; i < skipped; i++) slots.Add(filler);
        foreach (Hours? value in values) slots.Add(value ?? filler);
        ArrayData[] children = [.. Children(slots).Select(child => child.Data.Slice(layout.ChildOffset, slots.Count - layout.ChildOffset))];
        int nulls = values.Count(v => v is null);
        ArrowBuffer validity = nulls == 0 ? ArrowBuffer.Empty : Validity(layout.ParentOffset, values.Select(v => v is not null));
        return new StructArray(new ArrayData(HoursType, values.Count, nulls, layout.ParentOffset, [validity], children));
    }

    /// <summary>A list-of-struct array of <paramref name="values"/>; skipped and null lists hold a filler element each.</summary>
    public static ListArray List(IReadOnlyList<Hours?[]?> values, Layout layout = default, Hours? filler = null)
    {
        filler ??= Filler;
        var elements = new List<Hours?>();
        var offsets = new List<int> { 0 };
        for (int i = 0; i < layout.ParentOffset; i++)
        {
            elements.Add(filler);
            offsets.Add(elements.Count);
        }
        foreach (Hours?[]? value in values)
        {
            if (value is null) elements.Add(filler);
            else elements.AddRange(value);
            offsets.Add(elements.Count);
        }
        StructArray items = Struct(elements, layout, filler);
        int nulls = values.Count(v => v is null);
        ArrowBuffer validity = nulls == 0 ? ArrowBuffer.Empty : Validity(layout.ParentOffset, values.Select(v => v is not null));
        var offsetBytes = new byte[offsets.Count * sizeof(int)];
        Buffer.BlockCopy(offsets.ToArray(), 0, offsetBytes, 0, offsetBytes.Length);
        return new ListArray(new ArrayData(WeekType, values.Count, nulls, layout.ParentOffset,
            [validity, new ArrowBuffer(offsetBytes)], [items.Data]));
    }

    /// <summary>A validity bitmap: <paramref name="skipped"/> set bits (never read), then one bit per value.</summary>
    private static ArrowBuffer Validity(int skipped, IEnumerable<bool> valid)
    {
        bool[] bits = [.. Enumerable.Repeat(true, skipped), .. valid];
        var bytes = new byte[(bits.Length + 7) / 8];
        for (int i = 0; i < bits.Length; i++)
            if (bits[i]) bytes[i >> 3] |= (byte)(1 << (i & 7));
        return new ArrowBuffer(bytes);
    }

    private static IArrowArray[] Children(IReadOnlyList<Hours> slots)
    {
        var closed = new BooleanArray.Builder();
        var openTime = new StringArray.Builder();
        var seats = new Int32Array.Builder();
        var visits = new Int64Array.Builder();
        var rating = new DoubleArray.Builder();
        var fee = new Decimal128Array.Builder(FeeType);
        var since = new Date32Array.Builder();
        var updated = new TimestampArray.Builder(Utc);
        var tags = new ListArray.Builder(StringType.Default);
        var tagItems = (StringArray.Builder)tags.ValueBuilder;
        foreach (Hours h in slots)
        {
            if (h.Closed is { } c) closed.Append(c); else closed.AppendNull();
            if (h.OpenTime is null) openTime.AppendNull(); else openTime.Append(h.OpenTime);
            if (h.Seats is { } s) seats.Append(s); else seats.AppendNull();
            if (h.Visits is { } v) visits.Append(v); else visits.AppendNull();
            if (h.Rating is { } r) rating.Append(r); else rating.AppendNull();
            if (h.Fee is { } f) fee.Append(f); else fee.AppendNull();
            if (h.Since is { } d) since.Append(d); else since.AppendNull();
            if (h.UpdatedMicros is { } u) updated.Append(DateTimeOffset.UnixEpoch.AddTicks(u * 10)); else updated.AppendNull();
            if (h.Tags is null) tags.AppendNull();
            else
            {
                tags.Append();
                foreach (string? tag in h.Tags)
                    if (tag is null) tagItems.AppendNull(); else tagItems.Append(tag);
            }
        }
        return [closed.Build(), openTime.Build(), seats.Build(), visits.Build(), rating.Build(), fee.Build(), since.Build(), updated.Build(), tags.Build()];
    }
}
