using System.Collections;
using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Entities.Tests;

/// <summary>
/// A table of (column, expected value computed from a ground-truth row) that checks extracted batches column by
/// column: strings ordinally, integers, doubles and decimals exactly, dates, UTC timestamps, booleans and string
/// lists element by element, null exactly where the expectation is null. It fails unless the table names every
/// column of the schema, so a column added to an entity without a test expectation fails too.
/// </summary>
internal sealed class ExpectedColumns<TTruth> : IEnumerable<KeyValuePair<string, Func<TTruth, object?>>>
{
    private const int SamplesPerColumn = 3;

    private readonly List<KeyValuePair<string, Func<TTruth, object?>>> _columns = [];
    private readonly Func<TTruth, string> _describe;

    /// <param name="describe">Names a ground-truth row in failure messages (its key).</param>
    public ExpectedColumns(Func<TTruth, string> describe) => _describe = describe;

    public void Add(string column, Func<TTruth, object?> expected) => _columns.Add(new(column, expected));

    /// <summary>A copy of the table where <paramref name="column"/> expects something else (a field a drifted page leaves out).</summary>
    public ExpectedColumns<TTruth> With(string column, Func<TTruth, object?> expected)
    {
        Assert.Contains(_columns, c => c.Key == column);
        var copy = new ExpectedColumns<TTruth>(_describe);
        foreach (var (name, value) in _columns) copy.Add(name, name == column ? expected : value);
        return copy;
    }

    public IEnumerator<KeyValuePair<string, Func<TTruth, object?>>> GetEnumerator() => _columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Asserts that <paramref name="table"/> holds exactly <paramref name="truth"/>, row for row, in order.</summary>
    public void AssertMatches(ExtractedTable table, IReadOnlyList<TTruth> truth)
    {
        Schema schema = table.Schema;
        string[] declared = [.. _columns.Select(c => c.Key)];
        string[] actual = [.. schema.FieldsList.Select(f => f.Name)];
        Assert.True(declared.Distinct().Count() == declared.Length, "A column is listed twice: " + string.Join(", ", declared.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key)));
        Assert.True(actual.Except(declared).ToArray() is [], "Columns without an expectation: " + string.Join(", ", actual.Except(declared)));
        Assert.True(declared.Except(actual).ToArray() is [], "Expected columns the schema does not have: " + string.Join(", ", declared.Except(actual)));
        Assert.Equal(truth.Count, table.Rows);

        var mismatches = new Dictionary<string, (int Count, List<string> Samples)>();
        int offset = 0;
        foreach (RecordBatch batch in table.Batches)
        {
            foreach (var (name, expectedOf) in _columns)
            {
                IArrowArray array = batch.Column(schema.GetFieldIndex(name));
                for (int row = 0; row < batch.Length; row++)
                {
                    TTruth truthRow = truth[offset + row];
                    object? expected = expectedOf(truthRow);
                    object? got = Read(array, row);
                    if (Same(expected, got)) continue;
                    if (!mismatches.TryGetValue(name, out var entry)) entry = (0, []);
                    if (entry.Samples.Count < SamplesPerColumn)
                    {
                        entry.Samples.Add($"row {offset + row} ({_describe(truthRow)}): expected {Show(expected)}, got {Show(got)}");
                    }
                    mismatches[name] = (entry.Count + 1, entry.Samples);
                }
            }
            offset += batch.Length;
        }

        if (mismatches.Count == 0) return;
        var message = new StringBuilder($"{mismatches.Count} of {_columns.Count} columns differ from the ground truth ({truth.Count} rows):");
        foreach (var (name, (count, samples)) in mismatches)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"  {name}: {count} rows, e.g.");
            foreach (string sample in samples) message.AppendLine().Append("    ").Append(sample);
        }
        Assert.Fail(message.ToString());
    }

    /// <summary>A value of an Arrow array as the CLR value the expectations speak in.</summary>
    private static object? Read(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return null;
        return array switch
        {
            StringArray strings => strings.GetString(row),
            Int32Array ints => ints.GetValue(row),
            Int64Array longs => longs.GetValue(row),
            DoubleArray doubles => doubles.GetValue(row),
            BooleanArray bools => bools.GetValue(row),
            Decimal128Array decimals => decimals.GetSqlDecimal(row)!.Value.Value,
            Date32Array dates => dates.GetDateOnly(row),
            TimestampArray timestamps => ReadTimestamp(timestamps, row),
            ListArray list => ReadList(list, row),
            StructArray structs => structs.Fields.Select(field => Read(field, structs.Offset + row)).ToArray(),
            _ => throw new NotSupportedException($"No comparison for {array.GetType().Name} yet."),
        };
    }

    private static DateTimeOffset ReadTimestamp(TimestampArray array, int row)
    {
        var type = (TimestampType)array.Data.DataType;
        Assert.Equal(TimeUnit.Microsecond, type.Unit);
        Assert.Equal("UTC", type.Timezone);
        return array.GetTimestamp(row)!.Value;
    }

    /// <summary>A list's items as CLR values (a struct item as its fields' values).</summary>
    private static object?[] ReadList(ListArray list, int row)
    {
        int start = list.ValueOffsets[row];
        int end = list.ValueOffsets[row + 1];
        var items = new object?[end - start];
        for (int i = start; i < end; i++) items[i - start] = Read(list.Values, i);
        return items;
    }

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string e, string a) => string.Equals(e, a, StringComparison.Ordinal),
        (int e, int a) => e == a,
        (long e, long a) => e == a,
        (int e, long a) => e == a,
        (double e, double a) => e.Equals(a),
        (decimal e, decimal a) => e == a,
        (bool e, bool a) => e == a,
        (DateOnly e, DateOnly a) => e == a,
        (DateTimeOffset e, DateTimeOffset a) => e.UtcTicks == a.UtcTicks && a.Offset == TimeSpan.Zero,
        // A list's items, or a struct's fields in order.
        (System.Collections.IEnumerable e, object?[] a) when e is not string => Items(e) is var items && items.Length == a.Length && items.Zip(a).All(p => Same(p.First, p.Second)),
        _ => false,
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable list => "[" + string.Join(", ", Items(list).Select(Show)) + "]",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + " (double)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + $" ({value.GetType().Name})",
        _ => value.ToString() ?? "",
    };

    private static object?[] Items(System.Collections.IEnumerable values) => [.. values.Cast<object?>()];
}
