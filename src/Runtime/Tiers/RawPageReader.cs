using Ingest.Tables;
using ParquetSharp;

namespace Ingest.Tiers;

/// <summary>
/// Reads a committed raw partition page by page, in the partition's order (files as the manifest lists them, then
/// row groups, then rows), with parquet-cpp's column readers: each page's <see cref="Body"/> is a view of the data
/// page parquet-cpp has just decompressed, not a copy. Only the four columns the transformed tier needs are read.
/// </summary>
/// <remarks>
/// Why not <see cref="Table.ReadPartitionAsync"/>: its Arrow reader copies every body into a fresh Arrow buffer of
/// the whole row group (527 MB for a national partition) and reads all eleven columns; this reader took 0.44 s where
/// that one took 0.67 s on the same partition (benchmarks/README.md, "Transformed stage against DuckDB").
/// </remarks>
internal sealed class RawPageReader : IDisposable
{
    private readonly IReadOnlyList<string> _files;
    private readonly ReaderProperties _properties = ReaderProperties.WithMemoryPool(NativeMemory.Pool);
    private readonly ByteArray[] _value = new ByteArray[1];
    private int _file = -1;
    private ParquetFileReader? _reader;
    private int _rowGroup;
    private int _rowGroups;
    private RowGroupReader? _group;
    private ColumnReader<ByteArray>? _bodies;
    private string[] _subResources = [];
    private int[] _pageNumbers = [];
    private bool[] _failed = [];
    private int _row;
    private int _rows;
    private ByteArray _body;

    private RawPageReader(IReadOnlyList<string> files) => _files = files;

    /// <summary>Opens the committed partition; throws when it does not exist.</summary>
    public static RawPageReader Open(Table raw, DateOnly partitionDate) => new(raw.PartitionFiles(partitionDate));

    public string SubResource => _subResources[_row];

    public int PageNumber => _pageNumbers[_row];

    /// <summary>Whether the page failed (see <see cref="RawTier.IsFailedOutcome"/>); its body is then not read.</summary>
    public bool Failed => _failed[_row];

    /// <summary>The page's bytes as received: valid until the next <see cref="MoveNext"/>. Empty for a failed page.</summary>
    public unsafe ReadOnlySpan<byte> Body => _body.Length == 0 ? default : new ReadOnlySpan<byte>((void*)_body.Pointer, _body.Length);

    /// <summary>Moves to the next page; false at the end of the partition.</summary>
    public bool MoveNext()
    {
        while (++_row >= _rows)
        {
            if (!NextRowGroup()) return false;
        }
        // Every row's body is read, failed or not, so the column reader stays on the row.
        if (_bodies!.ReadBatch(1, _value, out long read) != 1 || read != 1)
            throw new InvalidDataException($"The raw part file {_files[_file]} ends before row group {_rowGroup - 1}'s {_rows} rows do.");
        _body = _failed[_row] ? default : _value[0];
        return true;
    }

    public void Dispose()
    {
        CloseRowGroup();
        _reader?.Dispose();
        _reader = null;
        _properties.Dispose();
    }

    private bool NextRowGroup()
    {
        CloseRowGroup();
        while (_reader is null || _rowGroup >= _rowGroups)
        {
            _reader?.Dispose();
            _reader = null;
            if (++_file >= _files.Count) return false;
            _reader = new ParquetFileReader(_files[_file], _properties);
            _rowGroups = _reader.FileMetaData.NumRowGroups;
            _rowGroup = 0;
        }
        _group = _reader.RowGroup(_rowGroup++);
        _rows = checked((int)_group.MetaData.NumRows);
        _row = 0;
        if (_subResources.Length < _rows)
        {
            _subResources = new string[_rows];
            _pageNumbers = new int[_rows];
            _failed = new bool[_rows];
        }
        ReadStrings(RawTier.SubResource, (row, bytes) => _subResources[row] = System.Text.Encoding.UTF8.GetString(bytes));
        ReadStrings(RawTier.Outcome, (row, bytes) => _failed[row] = RawTier.IsFailedOutcome(bytes));
        using (var pageNumbers = (ColumnReader<int>)_group.Column(ColumnIndex(RawTier.PageNumber)))
            ReadAll(pageNumbers, _pageNumbers.AsSpan(0, _rows), RawTier.PageNumber);
        _bodies = (ColumnReader<ByteArray>)_group.Column(ColumnIndex(RawTier.Body));
        _row = -1;
        return true;
    }

    private delegate void StringSink(int row, ReadOnlySpan<byte> bytes);

    /// <summary>Hands every row's string to <paramref name="sink"/> as it is read: a value points into a page that
    /// the next read may free.</summary>
    private unsafe void ReadStrings(string column, StringSink sink)
    {
        using var reader = (ColumnReader<ByteArray>)_group!.Column(ColumnIndex(column));
        Span<ByteArray> values = stackalloc ByteArray[64];
        int row = 0;
        while (row < _rows && reader.HasNext)
        {
            long levels = reader.ReadBatch(Math.Min(values.Length, _rows - row), values, out long read);
            CheckRequired(levels, read, column);
            for (int i = 0; i < read; i++, row++) sink(row, new ReadOnlySpan<byte>((void*)values[i].Pointer, values[i].Length));
        }
        CheckFilled(row, column);
    }

    private void ReadAll(ColumnReader<int> reader, Span<int> values, string column)
    {
        int filled = 0;
        while (filled < values.Length && reader.HasNext)
        {
            long levels = reader.ReadBatch(values.Length - filled, values[filled..], out long read);
            CheckRequired(levels, read, column);
            filled += (int)read;
        }
        CheckFilled(filled, column);
    }

    private void CheckRequired(long levels, long read, string column)
    {
        if (levels != read) throw new InvalidDataException($"The raw column {column} has nulls in {_files[_file]}; is it a raw-tier table?");
    }

    private void CheckFilled(int rows, string column)
    {
        if (rows != _rows) throw new InvalidDataException($"The raw column {column} of {_files[_file]} has {rows} values in a row group of {_rows} rows.");
    }

    private int ColumnIndex(string name)
    {
        SchemaDescriptor schema = _reader!.FileMetaData.Schema;
        for (int c = 0; c < schema.NumColumns; c++)
            if (schema.Column(c).Name == name) return c;
        throw new InvalidDataException($"The raw part file {_files[_file]} has no {name} column; is it a raw-tier table?");
    }

    private void CloseRowGroup()
    {
        _bodies?.Dispose();
        _bodies = null;
        _group?.Dispose();
        _group = null;
        _rows = 0;
        _row = 0;
    }
}
