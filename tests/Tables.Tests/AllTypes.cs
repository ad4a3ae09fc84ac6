using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Tables.Tests;

/// <summary>
/// A batch with every column type the store writes, with nulls, empty strings, empty lists and null elements, and
/// the value each row is expected to hold (a row's values follow from its id, so any reader can be checked).
/// </summary>
internal static class AllTypes
{
    public static readonly Decimal128Type Money = new(10, 2);
    public static readonly TimestampType Utc = new(TimeUnit.Microsecond, "UTC");

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(new Field("id", Int64Type.Default, nullable: false))
        .Field(new Field("s", StringType.Default, nullable: true))
        .Field(new Field("i32", Int32Type.Default, nullable: true))
        .Field(new Field("i64", Int64Type.Default, nullable: true))
        .Field(new Field("f64", DoubleType.Default, nullable: true))
        .Field(new Field("dec", Money, nullable: true))
        .Field(new Field("b", BooleanType.Default, nullable: true))
        .Field(new Field("d", Date32Type.Default, nullable: true))
        .Field(new Field("ts", Utc, nullable: true))
        .Field(new Field("ls", new ListType(new Field("item", StringType.Default, true)), nullable: true))
        .Field(new Field("li", new ListType(new Field("item", Int32Type.Default, true)), nullable: true))
        .Field(new Field("ll", new ListType(new Field("item", Int64Type.Default, true)), nullable: true))
        .Field(new Field("lf", new ListType(new Field("item", DoubleType.Default, true)), nullable: true))
        .Field(new Field("ldec", new ListType(new Field("item", Money, true)), nullable: true))
        .Build();

    public static bool IsNull(long id) => id % 7 == 3;

    public static string? S(long id) => IsNull(id) ? null : id % 7 == 5 ? "" : $"né-{id}-✓";
    public static int? I32(long id) => IsNull(id) ? null : (int)(id * 7919 % 100_003) - 50_000;
    public static long? I64(long id) => IsNull(id) ? null : id * 1_000_000_007L - 3;
    public static double? F64(long id) => IsNull(id) ? null : id * 0.25 - 17.5;
    public static decimal? Dec(long id) => IsNull(id) ? null : (id * 12345 % 9_999_999) / 100m * (id % 2 == 0 ? 1 : -1);
    public static bool? B(long id) => IsNull(id) ? null : id % 3 == 0;
    public static DateOnly? D(long id) => IsNull(id) ? null : new DateOnly(1969, 12, 1).AddDays((int)(id % 40_000));

    /// <summary>Microseconds since the epoch (some before 1970, and sub-millisecond digits).</summary>
    public static long? Ts(long id) => IsNull(id) ? null : (id - 500) * 86_400_000_123L + id;

    /// <summary>Null list when id % 5 == 1, empty when 2, otherwise id % 4 + 1 elements, the second one null.</summary>
    public static int ListShape(long id) => id % 5 == 1 ? -1 : id % 5 == 2 ? 0 : (int)(id % 4) + 1;

    public static bool ElementIsNull(int j) => j == 1;

    public static RecordBatch Create(long first, int rows)
    {
        var id = new Int64Array.Builder();
        var s = new StringArray.Builder();
        var i32 = new Int32Array.Builder();
        var i64 = new Int64Array.Builder();
        var f64 = new DoubleArray.Builder();
        var dec = new Decimal128Array.Builder(Money);
        var b = new BooleanArray.Builder();
        var d = new Date32Array.Builder();
        var ts = new TimestampArray.Builder(Utc);
        var ls = new ListArray.Builder(StringType.Default);
        var li = new ListArray.Builder(Int32Type.Default);
        var ll = new ListArray.Builder(Int64Type.Default);
        var lf = new ListArray.Builder(DoubleType.Default);
        var ldec = new ListArray.Builder(Money);
        for (long r = first; r < first + rows; r++)
        {
            id.Append(r);
            if (S(r) is { } sv) s.Append(sv); else s.AppendNull();
            if (I32(r) is { } iv) i32.Append(iv); else i32.AppendNull();
            if (I64(r) is { } lv) i64.Append(lv); else i64.AppendNull();
            if (F64(r) is { } fv) f64.Append(fv); else f64.AppendNull();
            if (Dec(r) is { } mv) dec.Append(mv); else dec.AppendNull();
            if (B(r) is { } bv) b.Append(bv); else b.AppendNull();
            if (D(r) is { } dv) d.Append(dv); else d.AppendNull();
            if (Ts(r) is { } tv) ts.Append(DateTimeOffset.UnixEpoch.AddTicks(tv * 10)); else ts.AppendNull();
            AppendList(ls, r, (builder, j) => ((StringArray.Builder)builder).Append(Element(r, j)));
            AppendList(li, r, (builder, j) => ((Int32Array.Builder)builder).Append((int)(r + j)));
            AppendList(ll, r, (builder, j) => ((Int64Array.Builder)builder).Append(r * 1000 + j));
            AppendList(lf, r, (builder, j) => ((DoubleArray.Builder)builder).Append(r + j / 8.0));
            AppendList(ldec, r, (builder, j) => ((Decimal128Array.Builder)builder).Append(ElementMoney(r, j)));
        }
        return new RecordBatch(Schema,
            [id.Build(), s.Build(), i32.Build(), i64.Build(), f64.Build(), dec.Build(), b.Build(), d.Build(), ts.Build(),
             ls.Build(), li.Build(), ll.Build(), lf.Build(), ldec.Build()], rows);
    }

    public static string Element(long id, int j) => j == 2 ? "" : $"e{id}.{j}";

    public static decimal ElementMoney(long id, int j) => id + j / 100m;

    /// <summary>The list as DuckDB prints it (<c>CAST(list AS VARCHAR)</c>), or null.</summary>
    public static string? ListText(long id, Func<long, int, string> element)
    {
        int shape = ListShape(id);
        if (shape < 0) return null;
        var items = new List<string>();
        for (int j = 0; j < shape; j++) items.Add(ElementIsNull(j) ? "NULL" : element(id, j) is "" ? "''" : element(id, j));
        return "[" + string.Join(", ", items) + "]";
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void AppendList(ListArray.Builder list, long id, Action<IArrowArrayBuilder, int> append)
    {
        int shape = ListShape(id);
        if (shape < 0)
        {
            list.AppendNull();
            return;
        }
        list.Append();
        for (int j = 0; j < shape; j++)
        {
            if (ElementIsNull(j)) AppendNullElement(list.ValueBuilder);
            else append(list.ValueBuilder, j);
        }
    }

    private static void AppendNullElement(IArrowArrayBuilder builder)
    {
        switch (builder)
        {
            case StringArray.Builder x: x.AppendNull(); break;
            case Int32Array.Builder x: x.AppendNull(); break;
            case Int64Array.Builder x: x.AppendNull(); break;
            case DoubleArray.Builder x: x.AppendNull(); break;
            case Decimal128Array.Builder x: x.AppendNull(); break;
            default: throw new NotSupportedException(builder.GetType().Name);
        }
    }
}
