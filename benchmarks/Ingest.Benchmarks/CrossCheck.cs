using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Ingest.Benchmarks.Contenders;
using Ingest.Benchmarks.Pocos;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- check</c>: proves the contenders do the same job. Runs the generated extractor,
/// the per-record POCO path and DuckDB (both formulations) over the whole workload, then compares row counts and every value of
/// <see cref="Columns"/> row by row (DuckDB's rows are matched by VIN). Values are compared as canonical text.
/// </summary>
public static class CrossCheck
{
    /// <summary>The columns compared: all 73, in the entity's order.</summary>
    public static readonly string[] Columns = [.. VehicleBatchBuilder.Schema.FieldsList.Select(field => field.Name)];

    private const int MaxSamples = 3;

    /// <summary>Returns true when all agree; prints a line per contender and per disagreeing column.</summary>
    public static bool Run(int batchSize = 1024)
    {
        var watch = Stopwatch.StartNew();
        byte[][] pages = ExtractionWorkload.Instance.Pages;

        Console.WriteLine($"cross-check: workload ready ({watch.Elapsed.TotalSeconds:F1} s)");
        var generated = new List<string?[]>();
        EntityExtractor extractor = StellantisVehicle.CreateExtractor(batchSize);
        foreach (byte[] page in pages)
        {
            extractor.AppendPage(page);
            if (extractor.HasFullBatch) Collect(extractor, generated);
        }
        Collect(extractor, generated);

        Console.WriteLine($"cross-check: generated done ({watch.Elapsed.TotalSeconds:F1} s)");
        var perRecord = new List<string?[]>();
        long pocoRows = PerRecordPocos.Run(new VehicleBatchBuilder(), pages, batchSize, batch => Collect(batch, perRecord));

        Console.WriteLine($"cross-check: per-record done ({watch.Elapsed.TotalSeconds:F1} s)");
        long nonNull = generated.Sum(row => row.Count(value => value is not null));
        Console.WriteLine($"cross-check: generated {generated.Count} rows, per-record POCOs {pocoRows} rows; {Columns.Length} columns compared, {nonNull} non-null values");
        bool ok = generated.Count == ExtractionWorkload.Instance.Records && pocoRows == generated.Count;
        ok &= Compare("per-record POCOs", generated, i => i < perRecord.Count ? perRecord[i] : null);
        foreach (DuckDbJsonReading reading in Enum.GetValues<DuckDbJsonReading>())
        {
            (long duckRows, Dictionary<string, string?[]> duck) = DuckDbRows(pages, reading);
            Console.WriteLine($"cross-check: DuckDB {reading} {duckRows} rows ({duck.Count} distinct VINs) ({watch.Elapsed.TotalSeconds:F1} s)");
            ok &= duckRows == generated.Count;
            ok &= Compare($"DuckDB {reading}", generated, i => duck.GetValueOrDefault(generated[i][0] ?? ""));
        }
        Console.WriteLine(ok ? $"cross-check: OK ({watch.Elapsed.TotalSeconds:F1} s)" : "cross-check: FAILED");
        return ok;
    }

    /// <summary>DuckDB's table for the workload, its rows by VIN, as canonical text.</summary>
    private static (long Rows, Dictionary<string, string?[]> ByVin) DuckDbRows(byte[][] pages, DuckDbJsonReading reading)
    {
        var byVin = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        using var duckDb = new DuckDbReadJson(pages, reading);
        long rows = duckDb.Run();
        using DbDataReader reader = duckDb.Query($"SELECT {string.Join(", ", Columns)} FROM vehicles");
        while (reader.Read())
        {
            var row = new string?[Columns.Length];
            for (int c = 0; c < Columns.Length; c++) row[c] = reader.IsDBNull(c) ? null : Canonical(reader.GetValue(c), Columns[c]);
            byVin[row[0] ?? ""] = row;
        }
        return (rows, byVin);
    }

    private static bool Compare(string name, List<string?[]> expected, Func<int, string?[]?> actualRow)
    {
        var mismatches = new int[Columns.Length];
        var samples = new List<string>[Columns.Length];
        int missing = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            string?[]? actual = actualRow(i);
            if (actual is null)
            {
                missing++;
                continue;
            }
            for (int c = 0; c < Columns.Length; c++)
            {
                if (string.Equals(expected[i][c], actual[c], StringComparison.Ordinal)) continue;
                mismatches[c]++;
                (samples[c] ??= []).Add($"row {i}: generated '{expected[i][c] ?? "null"}' vs '{actual[c] ?? "null"}'");
            }
        }
        bool ok = missing == 0;
        if (missing > 0) Console.WriteLine($"  {name}: {missing} rows missing");
        for (int c = 0; c < Columns.Length; c++)
        {
            if (mismatches[c] == 0) continue;
            ok = false;
            Console.WriteLine($"  {name}: {Columns[c]} differs in {mismatches[c]} rows, e.g. {string.Join("; ", samples[c].Take(MaxSamples))}");
        }
        Console.WriteLine($"  {name}: {(ok ? "agrees with the generated extractor" : "DISAGREES")}");
        return ok;
    }

    private static void Collect(EntityExtractor extractor, List<string?[]> rows)
    {
        using ExtractedBatch batch = extractor.TakeBatch();
        Collect(batch.Batch, rows);
    }

    private static void Collect(RecordBatch batch, List<string?[]> rows)
    {
        var arrays = new IArrowArray[Columns.Length];
        for (int c = 0; c < Columns.Length; c++) arrays[c] = batch.Column(Columns[c]);
        for (int r = 0; r < batch.Length; r++)
        {
            var row = new string?[Columns.Length];
            for (int c = 0; c < Columns.Length; c++) row[c] = Canonical(arrays[c], r);
            rows.Add(row);
        }
    }

    private static string? Canonical(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return null;
        return array switch
        {
            StringArray a => a.GetString(row),
            Int32Array a => Text(a.GetValue(row)!.Value),
            DoubleArray a => Text(a.GetValue(row)!.Value),
            Decimal128Array a => Text(a.GetValue(row)!.Value),
            BooleanArray a => a.GetValue(row)!.Value ? "true" : "false",
            Date32Array a => Text(a.GetDateOnly(row)!.Value),
            TimestampArray a => Text(a.GetTimestamp(row)!.Value),
            ListArray a => string.Join('|', Strings((StringArray)a.GetSlicedValues(row))),
            _ => throw new NotSupportedException($"No canonical text for {array.GetType().Name}."),
        };
    }

    private static string? Canonical(object value, string column) => value switch
    {
        string s => s,
        int i => Text(i),
        long l => Text(l),
        double d => Text(d),
        decimal m => Text(m),
        bool b => b ? "true" : "false",
        DateOnly d => Text(d),
        DateTime t when column == "last_updated" => Text(new DateTimeOffset(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc))),
        DateTime t => Text(DateOnly.FromDateTime(t)),
        DateTimeOffset t => Text(t),
        System.Collections.IEnumerable items => string.Join('|', items.Cast<object?>().Select(o => o?.ToString())),
        _ => value.ToString(),
    };

    private static IEnumerable<string?> Strings(StringArray array)
    {
        for (int i = 0; i < array.Length; i++) yield return array.GetString(i);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    private static string Text(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
    private static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
