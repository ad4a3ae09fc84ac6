using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Sources;

namespace Ingest.Tiers;

/// <summary>
/// Builds raw-tier batches column by column from the pages of one sub-resource: per-page values go straight into
/// column buffers; <c>partition_date</c>, <c>source</c> and <c>sub_resource</c> are broadcast when the batch is built.
/// </summary>
internal sealed class RawPageBatchBuilder(DateOnly partitionDate, string source) : IDisposable
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly VariableWidthColumn _requestUrl = new(StringType.Default);
    private readonly FixedWidthColumn<int> _pageNumber = new(Int32Type.Default);
    private readonly FixedWidthColumn<long> _fetchedAt = new(RawTier.Schema.GetFieldByName(RawTier.FetchedAt).DataType);
    private readonly FixedWidthColumn<int> _status = new(Int32Type.Default);
    private readonly FixedWidthColumn<int> _attempts = new(Int32Type.Default);
    private readonly VariableWidthColumn _outcome = new(StringType.Default);
    private readonly VariableWidthColumn _error = new(StringType.Default);
    private readonly VariableWidthColumn _body = new(BinaryType.Default);

    public int Pages => _pageNumber.Length;

    public long BodyBytes => _body.ByteCount;

    public void Append(RawPage page)
    {
        _requestUrl.Append(page.RequestUrl.AbsoluteUri);
        _pageNumber.Append(page.PageNumber);
        _fetchedAt.Append((page.FetchedAt.UtcTicks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond);
        _status.Append(page.Status);
        _attempts.Append(page.Attempts);
        _outcome.Append(RawTier.OutcomeName(page.Outcome));
        if (page.Error is null) _error.AppendNull();
        else _error.Append(page.Error);
        _body.Append(page.Body.Span);
    }

    /// <summary>
    /// The pages appended so far as one batch of sub-resource <paramref name="subResource"/>; the builder is then empty.
    /// The body column shares the builder's bytes (no copy of the bodies): write the batch before appending again.
    /// </summary>
    public RecordBatch Build(string subResource)
    {
        int rows = Pages;
        IArrowArray[] columns =
        [
            ArrowColumns.Constant(partitionDate, rows),
            ArrowColumns.Constant(source, rows),
            ArrowColumns.Constant(subResource, rows),
            _requestUrl.Build(),
            _pageNumber.Build(),
            _fetchedAt.Build(),
            _status.Build(),
            _attempts.Build(),
            _outcome.Build(),
            _error.Build(),
            _body.Build(),
        ];
        Clear();
        return new RecordBatch(RawTier.Schema, columns, rows);
    }

    public void Clear()
    {
        _requestUrl.Clear();
        _pageNumber.Clear();
        _fetchedAt.Clear();
        _status.Clear();
        _attempts.Clear();
        _outcome.Clear();
        _error.Clear();
        _body.Clear();
    }

    public void Dispose()
    {
        _requestUrl.Dispose();
        _pageNumber.Dispose();
        _fetchedAt.Dispose();
        _status.Dispose();
        _attempts.Dispose();
        _outcome.Dispose();
        _error.Dispose();
        _body.Dispose();
    }
}
