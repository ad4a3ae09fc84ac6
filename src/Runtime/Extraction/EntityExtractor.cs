using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Extraction;

/// <summary>
/// Reads JSON pages into an entity's Arrow columns in one forward <see cref="Utf8JsonReader"/> pass. The generator
/// derives one sealed subclass per entity that matches property names on UTF-8 bytes and calls coercers directly;
/// this base walks to the records, keeps the report, rolls back a page that turns out not to be valid JSON, and
/// cuts batches.
/// </summary>
/// <remarks>
/// A batch closes at the first page boundary at or after <see cref="BatchSize"/> rows, so a bad page can always be
/// rolled back whole and quarantined; no batch ever holds part of a page.
/// </remarks>
public abstract partial class EntityExtractor
{
    /// <summary>Rows per batch unless told otherwise: a batch of a wide entity then stays in the CPU caches (measured in benchmarks/README.md).</summary>
    public const int DefaultBatchSize = 256;

    private const int MaxSamplesPerColumn = 5;
    private const int MaxUnknownFieldNames = 256;
    private const int MaxLabelsKept = 100;

    private readonly byte[][] _recordsPath;
    private readonly string[] _reportedColumns;
    private readonly int[] _failureCounts;
    private readonly List<FailureSample>?[] _failureSamples;
    private readonly List<UnknownFieldCounter> _unknownFields = [];
    private readonly List<InvalidPage> _invalidPages = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<BatchBuffers> _idleBuffers = [];
    private readonly List<string> _pagesWithoutRecords = [];
    private byte[] _unescapeScratch = new byte[256];
    private byte[][] _coerceScratch = [new byte[768], new byte[768], new byte[768], new byte[768]];
    private int _unknownCursor;
    private int _pages;
    private int _skippedRecords;
    private string? _currentPage;

    protected EntityExtractor(Schema schema, string recordsPath, int batchSize)
        : this(schema, recordsPath, batchSize, [.. schema.FieldsList.Select(field => field.Name)])
    {
    }

    /// <param name="reportedColumns">
    /// The names failures are counted under, by column index: the schema's columns, then the fields of its struct
    /// columns, named <c>struct.field</c>.
    /// </param>
    protected EntityExtractor(Schema schema, string recordsPath, int batchSize, string[] reportedColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Schema = schema;
        BatchSize = batchSize;
        _recordsPath = recordsPath == "$" ? [] : [.. recordsPath.Split('.').Select(Encoding.UTF8.GetBytes)];
        _reportedColumns = reportedColumns;
        _failureCounts = new int[reportedColumns.Length];
        _failureSamples = new List<FailureSample>?[reportedColumns.Length];
    }

    public Schema Schema { get; }

    public int BatchSize { get; }

    /// <summary>Rows appended since the last batch was taken.</summary>
    public int PendingRows { get; private set; }

    /// <summary>True once enough rows are pending to take a full batch.</summary>
    public bool HasFullBatch => PendingRows >= BatchSize;

    /// <summary>
    /// Appends the records of one page. A page that is not valid JSON adds no rows: its rows are rolled back and
    /// its bytes are kept in the report for quarantine. Returns the rows appended.
    /// </summary>
    /// <param name="page">The page body as received (a UTF-8 byte order mark is allowed).</param>
    /// <param name="label">Names the page in reports, e.g. <c>IUJ202510 page 312</c>.</param>
    public int AppendPage(ReadOnlySpan<byte> page, string? label = null)
    {
        _pages++;
        _currentPage = label;
        int startRows = PendingRows;
        int startSkipped = _skippedRecords;
        ReportMark mark = MarkReport();
        ReadOnlySpan<byte> json = page.StartsWith("\uFEFF"u8) ? page[3..] : page;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read()) throw new JsonException("The page is empty.");
            bool found = _recordsPath.Length == 0 ? ReadRecordsArray(ref reader) : FindRecords(ref reader, 0);
            if (reader.Read()) throw new JsonException($"Unexpected content after the JSON document at byte {reader.TokenStartIndex}.");
            if (!found) Remember(_pagesWithoutRecords, label ?? $"page {_pages}");
            return PendingRows - startRows;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            RollBack(startRows);
            _skippedRecords = startSkipped;
            RestoreReport(mark, startRows);
            _invalidPages.Add(new InvalidPage(label, ex.Message, page.ToArray()));
            return 0;
        }
    }

    /// <summary>Builds the pending rows into a batch (transforms run now, over whole columns) and resets the report.</summary>
    public ExtractedBatch TakeBatch()
    {
        if (!_idleBuffers.TryTake(out BatchBuffers? buffers)) buffers = new BatchBuffers(_idleBuffers);
        int rows = PendingRows;
        IArrowArray[] arrays = BuildArrays(buffers, rows);
        var batch = new RecordBatch(Schema, arrays, rows);
        ExtractionReport report = TakeReport(rows);
        PendingRows = 0;
        return new ExtractedBatch(batch, report, buffers);
    }

    /// <summary>Generated: reads one record object (the reader is on its StartObject) into row <paramref name="row"/>.</summary>
    protected abstract void ReadRecord(ref Utf8JsonReader reader, int row);

    /// <summary>Generated: builds every column's Arrow array, running transforms over the extracted columns.</summary>
    protected abstract IArrowArray[] BuildArrays(BatchBuffers buffers, int rows);

    /// <summary>Generated: truncates every extracted column to <paramref name="rows"/>.</summary>
    protected abstract void TruncateColumns(int rows);

    // ---- Walking to the records ----

    private bool FindRecords(ref Utf8JsonReader reader, int depth)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }
        bool found = false;
        byte[] segment = _recordsPath[depth];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool match = !found && reader.ValueTextEquals(segment);
            reader.Read();
            if (!match) reader.Skip();
            else if (depth + 1 == _recordsPath.Length) found = ReadRecordsArray(ref reader);
            else found = FindRecords(ref reader, depth + 1);
        }
        return found;
    }

    private bool ReadRecordsArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return false;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadRecord(ref reader, PendingRows);
                PendingRows++;
            }
            else
            {
                reader.Skip();
                _skippedRecords++;
            }
        }
        return true;
    }

    private void RollBack(int rows)
    {
        TruncateColumns(rows);
        PendingRows = rows;
    }

    /// <summary>The report's counts before a page, so a page that turns out invalid leaves no trace but its quarantine.</summary>
    private readonly record struct ReportMark(int FailureTotal, int[]? FailureCounts, int[]? UnknownCounts);

    private int _failureTotal;

    private ReportMark MarkReport()
    {
        // Failures and unknown fields are rare; copy counts only when there are some to restore.
        int[]? unknown = null;
        if (_unknownFields.Count > 0)
        {
            unknown = new int[_unknownFields.Count];
            for (int i = 0; i < unknown.Length; i++) unknown[i] = _unknownFields[i].Count;
        }
        return new ReportMark(_failureTotal, _failureTotal > 0 ? (int[])_failureCounts.Clone() : null, unknown);
    }

    private void RestoreReport(ReportMark mark, int firstRowOfPage)
    {
        if (_failureTotal != mark.FailureTotal)
        {
            for (int i = 0; i < _failureCounts.Length; i++)
            {
                _failureCounts[i] = mark.FailureCounts?[i] ?? 0;
                _failureSamples[i]?.RemoveAll(sample => sample.Row >= firstRowOfPage && ReferenceEquals(sample.Page, _currentPage));
            }
            _failureTotal = mark.FailureTotal;
        }
        int kept = mark.UnknownCounts?.Length ?? 0;
        if (_unknownFields.Count > kept) _unknownFields.RemoveRange(kept, _unknownFields.Count - kept);
        for (int i = 0; i < kept; i++) _unknownFields[i].Count = mark.UnknownCounts![i];
        _unknownCursor = 0;
    }

    // ---- Helpers the generated code calls per value ----

    /// <summary>How the value under the reader reads as a scalar.</summary>
    protected enum ScalarKind
    {
        Null,
        Value,
        /// <summary>
        /// An object or an array where a scalar belongs (skipped), or a string whose escapes do not decode (a lone
        /// surrogate): counted as a failure of the value, not of the page.
        /// </summary>
        Unreadable,
    }

    /// <summary>Reads the current value as a scalar, unescaping strings that need it into a scratch buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ScalarKind ReadScalar(ref Utf8JsonReader reader, out JsonScalar value)
    {
        JsonTokenType token = reader.TokenType;
        switch (token)
        {
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped)
                {
                    value = new JsonScalar(token, reader.ValueSpan);
                    return ScalarKind.Value;
                }
                return TryUnescape(ref reader, out value) ? ScalarKind.Value : ScalarKind.Unreadable;
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                value = new JsonScalar(token, reader.ValueSpan);
                return ScalarKind.Value;
            case JsonTokenType.Null:
                value = default;
                return ScalarKind.Null;
            default:
                value = default;
                reader.Skip();
                return ScalarKind.Unreadable;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryUnescape(ref Utf8JsonReader reader, out JsonScalar value)
    {
        if (_unescapeScratch.Length < reader.ValueSpan.Length) _unescapeScratch = new byte[reader.ValueSpan.Length * 2];
        try
        {
            int length = reader.CopyString(_unescapeScratch);
            value = new JsonScalar(JsonTokenType.String, _unescapeScratch.AsSpan(0, length));
            return true;
        }
        catch (InvalidOperationException)
        {
            // Valid JSON whose escapes are not text, such as a lone surrogate "\ud83d": the value fails, not the page.
            value = default;
            return false;
        }
    }

    /// <summary>
    /// Scratch for the <paramref name="step"/>-th string coercer of a chain: three times the input, as
    /// <see cref="IStringCoercer"/> promises, and never the buffer the previous step may have written.
    /// </summary>
    protected Span<byte> CoerceScratch(int step, int inputLength)
    {
        if (step >= _coerceScratch.Length)
        {
            byte[][] more = new byte[step + 1][];
            for (int i = 0; i < more.Length; i++) more[i] = i < _coerceScratch.Length ? _coerceScratch[i] : new byte[768];
            _coerceScratch = more;
        }
        ref byte[] buffer = ref _coerceScratch[step];
        if (buffer.Length < inputLength * 3) buffer = new byte[Math.Max(768, inputLength * 6)];
        return buffer;
    }

    /// <summary>True when the current property name is exactly <paramref name="utf8"/> (escaped or not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8) =>
        reader.ValueIsEscaped ? reader.ValueTextEquals(utf8) : reader.ValueSpan.SequenceEqual(utf8);

    /// <summary>True when the current value (a string or a number) is exactly <paramref name="utf8"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool Matches(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8) => reader.TokenType switch
    {
        JsonTokenType.String => reader.ValueIsEscaped ? reader.ValueTextEquals(utf8) : reader.ValueSpan.SequenceEqual(utf8),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => reader.ValueSpan.SequenceEqual(utf8),
        _ => false,
    };

    /// <summary>
    /// The value is not the object or list the columns below it expect: a JSON null leaves them null (filled at the
    /// end of the record); anything else is skipped and counted as a failure of each of them.
    /// </summary>
    protected void FailShape(ref Utf8JsonReader reader, int row, ReadOnlySpan<int> columns)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        bool scalar = reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False;
        foreach (int column in columns)
        {
            if (scalar) Fail(column, row, reader.ValueSpan);
            else FailStructure(column, row);
        }
        reader.Skip();
    }

    /// <summary>Builds a computed column after its transform ran, checking it gave one value per row.</summary>
    protected static IArrowArray BuildComputed(ColumnBuffer column, BatchBuffers buffers, int rows)
    {
        if (column.Count != rows)
        {
            int count = column.Count;
            column.Truncate(0);
            throw new InvalidOperationException(
                $"A transform appended {count} values for {rows} rows; a transform must append exactly one value or null per input row.");
        }
        return ArrowArrayFactory.BuildArray(column.Build(buffers));
    }

    /// <summary>Appends a scalar's text to a string column, checking it is valid UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void AppendText(StringColumnBuffer column, ReadOnlySpan<byte> utf8, int columnIndex, int row)
    {
        if (column.TryAppendUtf8(utf8)) return;
        Fail(columnIndex, row, utf8);
        column.AppendNull();
    }

    /// <summary>Reads an array of strings into a list column; null elements stay null items.</summary>
    protected void ReadStringList(ref Utf8JsonReader reader, ListColumnBuffer<StringColumnBuffer> column, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            column.AppendNull();
            return;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            FailList(ref reader, column, columnIndex, row);
            return;
        }
        StringColumnBuffer items = column.Values;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (ReadScalar(ref reader, out JsonScalar value))
            {
                case ScalarKind.Value when items.TryAppendUtf8(value.Utf8):
                    break;
                case ScalarKind.Null:
                    items.AppendNull();
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.String) Fail(columnIndex, row, reader.ValueSpan);
                    else FailStructure(columnIndex, row);
                    SkipRestOfArray(ref reader);
                    column.AbandonList();
                    column.AppendNull();
                    return;
            }
        }
        column.EndList();
    }

    /// <summary>The value is not an array where a list belongs: count it and leave the row null.</summary>
    protected void FailList(ref Utf8JsonReader reader, ColumnBuffer column, int columnIndex, int row)
    {
        if (reader.TokenType is JsonTokenType.StartObject) FailStructure(columnIndex, row);
        else if (ReadScalar(ref reader, out JsonScalar scalar) == ScalarKind.Value) Fail(columnIndex, row, scalar.Utf8);
        reader.Skip();
        column.AppendNull();
    }

    /// <summary>Moves the reader to the EndArray of the array it is inside.</summary>
    protected static void SkipRestOfArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
        }
    }

    /// <summary>Counts a value of column <paramref name="columnIndex"/> that could not be coerced, keeping a few samples.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void Fail(int columnIndex, int row, ReadOnlySpan<byte> rawText)
    {
        _failureTotal++;
        if (_failureCounts[columnIndex]++ >= MaxSamplesPerColumn) return;
        string text = Utf8.IsValid(rawText) ? Encoding.UTF8.GetString(rawText) : "invalid UTF-8: " + Convert.ToHexString(rawText[..Math.Min(rawText.Length, 32)]);
        (_failureSamples[columnIndex] ??= []).Add(new FailureSample(row, text, _currentPage));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void FailStructure(int columnIndex, int row) => Fail(columnIndex, row, "<object or array>"u8);

    /// <summary>Counts a value <see cref="ReadScalar"/> found <see cref="ScalarKind.Unreadable"/>, with its raw text when it has one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected void FailUnreadable(ref Utf8JsonReader reader, int columnIndex, int row)
    {
        if (reader.TokenType == JsonTokenType.String) Fail(columnIndex, row, reader.ValueSpan);
        else FailStructure(columnIndex, row);
    }

    /// <summary>Counts a JSON field no property maps; <paramref name="parentPath"/> is the dotted path of its object.</summary>
    /// <remarks>
    /// Records of one upstream carry their unknown fields in the same order, so the counter after the last one hit
    /// is tried first: the common case costs one comparison, not a search.
    /// </remarks>
    protected void ReportUnknown(string parentPath, ReadOnlySpan<byte> name)
    {
        List<UnknownFieldCounter> counters = _unknownFields;
        int count = counters.Count;
        for (int probe = 0; probe < count; probe++)
        {
            int index = _unknownCursor + probe;
            if (index >= count) index -= count;
            UnknownFieldCounter counter = counters[index];
            if (ReferenceEquals(counter.ParentPath, parentPath) && name.SequenceEqual(counter.Name))
            {
                counter.Count++;
                _unknownCursor = index + 1 == count ? 0 : index + 1;
                return;
            }
        }
        if (count < MaxUnknownFieldNames)
        {
            counters.Add(new UnknownFieldCounter(parentPath, name.ToArray()));
            _unknownCursor = 0;
        }
    }

    /// <summary>The current property name, unescaped if it needs to be (rare).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader, Span<byte> scratch) =>
        reader.ValueIsEscaped ? UnescapeName(ref reader, scratch) : reader.ValueSpan;

    private static ReadOnlySpan<byte> UnescapeName(ref Utf8JsonReader reader, Span<byte> scratch)
    {
        if (reader.ValueSpan.Length > scratch.Length) return reader.ValueSpan; // no declared name is that long
        int length = reader.CopyString(scratch);
        return scratch[..length];
    }

    private ExtractionReport TakeReport(int rows)
    {
        var failures = new List<ColumnFailures>();
        for (int i = 0; i < _failureCounts.Length; i++)
        {
            if (_failureCounts[i] == 0) continue;
            failures.Add(new ColumnFailures(_reportedColumns[i], _failureCounts[i], [.. _failureSamples[i] ?? []]));
            _failureCounts[i] = 0;
            _failureSamples[i]?.Clear();
        }
        _failureTotal = 0;
        bool clean = failures.Count == 0 && _unknownFields.Count == 0 && _invalidPages.Count == 0 && _pagesWithoutRecords.Count == 0 && _skippedRecords == 0;
        ExtractionReport report = clean
            ? new ExtractionReport { Rows = rows, Pages = _pages }
            : new ExtractionReport
            {
                Rows = rows,
                Pages = _pages,
                SkippedRecords = _skippedRecords,
                Failures = failures,
                UnknownFields = [.. _unknownFields.Select(u => new UnknownField(u.FullPath, u.Count))],
                InvalidPages = [.. _invalidPages],
                PagesWithoutRecords = [.. _pagesWithoutRecords],
            };
        _unknownFields.Clear();
        _unknownCursor = 0;
        _invalidPages.Clear();
        _pagesWithoutRecords.Clear();
        _pages = 0;
        _skippedRecords = 0;
        return report;
    }

    private static void Remember(List<string> labels, string label)
    {
        if (labels.Count < MaxLabelsKept) labels.Add(label);
    }

    private sealed class UnknownFieldCounter(string parentPath, byte[] name)
    {
        public string ParentPath { get; } = parentPath;
        public byte[] Name { get; } = name;
        public int Count { get; set; } = 1;
        public string FullPath => ParentPath.Length == 0 ? Encoding.UTF8.GetString(Name) : ParentPath + "." + Encoding.UTF8.GetString(Name);
    }
}
