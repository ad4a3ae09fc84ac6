using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Polly;
using Polly.Timeout;

namespace Ingest.Sources;

/// <summary>
/// Fetches the pages of a paged JSON API sub-resource by sub-resource and yields them as they arrive, as
/// <see cref="RawPage"/>s in page order.
/// </summary>
/// <remarks>
/// <para>Page 1 is fetched first to learn the total; pages 2..N then go out with at most
/// <see cref="PagedSourceOptions.Concurrency"/> in progress against the host, and are yielded in page order through a
/// bounded reorder window (<see cref="PagedSourceOptions.ReorderWindow"/> pages, a bounded <see cref="Channel"/>), so
/// memory is bounded by the window, never by the sub-resource. When no page states a total, pages are asked one
/// after another until a short page.</para>
/// <para>Every page goes through <see cref="FetchResilience"/> (Polly retry + per-attempt timeout); a page that still
/// fails is yielded as failed (<see cref="RawPage.IsFailed"/>) and listed in <see cref="Report"/>. Cancelling the
/// token cancels the requests in flight and ends the enumeration with <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public sealed class PagedHttpSource : IDisposable
{
    private readonly PagedSourceOptions _options;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SemaphoreSlim _hostSlots;
    private readonly ArrayPool<byte>? _bodyPool;
    private readonly PageEnvelope? _keyedEnvelope;
    private readonly byte[]? _keyField;
    private int _userAgentTurn = -1;
    private int _inFlight;
    private int _peakInFlight;

    /// <param name="client">A client to share (its timeout should be infinite: attempts are timed by the pipeline);
    /// null: the source makes its own on a <see cref="SocketsHttpHandler"/>.</param>
    public PagedHttpSource(PagedSourceOptions options, HttpClient? client = null)
        : this(options, client, bodyPool: null)
    {
    }

    /// <param name="options">The upstream.</param>
    /// <param name="client">As above.</param>
    /// <param name="bodyPool">
    /// Where bodies that state their length are read into (<see cref="RawPage.BodyIsRented"/>): the consumer gives each
    /// back (<see cref="ReturnBody"/>) once done with its page. Null: every body is a fresh array its page owns.
    /// </param>
    internal PagedHttpSource(PagedSourceOptions options, HttpClient? client, ArrayPool<byte>? bodyPool)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Retry.MaxAttempts, 1);
        if (!options.RequestPath.Contains("{subResource}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"RequestPath '{options.RequestPath}' has no {{subResource}} placeholder; add one where the sub-resource's name goes.", nameof(options));
        }
        _options = options;
        _ownsClient = client is null;
        _client = client ?? CreateClient(options);
        _pipeline = FetchResilience.Build(options.Retry);
        _hostSlots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _bodyPool = bodyPool;
        // When the envelope and the continuity check read the same records, one walk of each page serves both.
        if (options.Pagination.Envelope is { } envelope && options.RecordKeys is { } keys && keys.RecordsPath == envelope.RecordsPath)
        {
            _keyedEnvelope = envelope;
            _keyField = System.Text.Encoding.UTF8.GetBytes(keys.KeyField);
        }
        Report = new FetchReport(options.SourceName);
    }

    /// <summary>Gives a page's rented body back to <paramref name="pool"/>; the page's <see cref="RawPage.Body"/> must not be read after.</summary>
    internal static void ReturnBody(RawPage page, ArrayPool<byte> pool) => ReturnBody(page.Body, page.BodyIsRented, pool);

    private static void ReturnBody(ReadOnlyMemory<byte> body, bool rented, ArrayPool<byte>? pool)
    {
        if (rented && pool is not null && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out ArraySegment<byte> segment))
        {
            pool.Return(segment.Array!);
        }
    }

    public PagedSourceOptions Options => _options;

    /// <summary>Every sub-resource fetched by this source so far, with failed pages and continuity.</summary>
    public FetchReport Report { get; }

    /// <summary>The most pages in progress at once against the host, over the source's life.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>The URL of one page (1-based) of a sub-resource.</summary>
    public Uri RequestUrl(SubResource subResource, int pageNumber)
    {
        var path = _options.RequestPath.Replace("{subResource}", Uri.EscapeDataString(subResource.Name), StringComparison.Ordinal);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri(_options.BaseAddress, path + separator + _options.Pagination.PageQuery(pageNumber, _options.PageSize));
    }

    /// <summary>Every page of the sub-resources, one sub-resource after another.</summary>
    public async IAsyncEnumerable<RawPage> FetchAllAsync(IEnumerable<SubResource> subResources, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subResources);
        foreach (var subResource in subResources)
        {
            await foreach (var page in FetchAsync(subResource, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
    }

    /// <summary>Every page of one sub-resource, in page order; failed pages included, marked as such.</summary>
    public async IAsyncEnumerable<RawPage> FetchAsync(SubResource subResource, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var continuity = _options.RecordKeys is { } keys ? new PageContinuityChecker(keys) : null;
        var run = new SubResourceRun(subResource, _options.PageSize, _options.MaxPages, continuity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<Task<RawPage>>(new BoundedChannelOptions(_options.EffectiveReorderWindow)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var scheduler = ScheduleAsync(run, pages.Writer, stop.Token);
        var completed = false;
        var stopReason = "the consumer stopped early";
        try
        {
            while (await pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (pages.Reader.TryRead(out var pending))
                {
                    var page = await PageOf(pending, cancellationToken).ConfigureAwait(false);
                    run.Record(page);
                    yield return page;
                }
            }
            stopReason = await scheduler.ConfigureAwait(false);
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                stopReason = cancellationToken.IsCancellationRequested ? "cancelled" : stopReason;
                await stop.CancelAsync().ConfigureAwait(false);
                await Drain(scheduler, pages.Reader).ConfigureAwait(false);
            }
            Report.Add(run.Report(completed, stopReason));
        }
    }

    /// <summary>Queues page tasks in page order; returns why it stopped.</summary>
    private async Task<string> ScheduleAsync(SubResourceRun run, ChannelWriter<Task<RawPage>> writer, CancellationToken cancellationToken)
    {
        Task<RawPage>? previous = null;
        try
        {
            for (var pageNumber = 1; ; pageNumber++)
            {
                if (previous is not null && !run.TotalKnown)
                {
                    // No total yet: the next page is asked only once the previous one says the end is not reached.
                    await previous.ConfigureAwait(false);
                }
                if (run.StopBefore(pageNumber) is { } reason)
                {
                    writer.TryComplete();
                    return reason;
                }
                previous = FetchPageAsync(run, pageNumber, cancellationToken);
                await writer.WriteAsync(previous, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>The page a task fetched; a cancelled fetch ends the enumeration with the caller's own token.</summary>
    private static async ValueTask<RawPage> PageOf(Task<RawPage> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
    }

    private static async Task Drain(Task scheduler, ChannelReader<Task<RawPage>> reader)
    {
        try
        {
            await scheduler.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        while (reader.TryRead(out var pending))
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<RawPage> FetchPageAsync(SubResourceRun run, int pageNumber, CancellationToken cancellationToken)
    {
        var url = RequestUrl(run.SubResource, pageNumber);
        await _hostSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        EnterFlight();
        run.EnterFlight();
        try
        {
            var page = await FetchWithRetriesAsync(run.SubResource, pageNumber, url, cancellationToken).ConfigureAwait(false);
            run.Learn(page);
            return page;
        }
        finally
        {
            run.ExitFlight();
            Interlocked.Decrement(ref _inFlight);
            _hostSlots.Release();
        }
    }

    private async Task<RawPage> FetchWithRetriesAsync(SubResource subResource, int pageNumber, Uri url, CancellationToken cancellationToken)
    {
        var attempts = new AttemptRecorder(this, url, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        Exception? failure = null;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            response = await _pipeline.ExecuteAsync(static (context, attempts) => attempts.SendAsync(context.CancellationToken), context, attempts).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException)
        {
            failure = e;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = response is null ? 0 : (int)response.StatusCode;
            if (response is null)
            {
                // An earlier attempt's body (an error page, say) is not kept when the last attempt got no answer.
                attempts.ReturnLastBody();
            }
            var body = response is null ? ReadOnlyMemory<byte>.Empty : attempts.LastBody;
            var page = new RawPage
            {
                Source = _options.SourceName,
                SubResource = subResource,
                RequestUrl = url,
                PageNumber = pageNumber,
                FetchedAt = DateTimeOffset.UtcNow,
                Status = status,
                Elapsed = elapsed,
                Body = body,
                BodyIsRented = response is not null && attempts.LastBodyIsRented,
                Outcome = PageOutcome.Fetched,
                AttemptLog = attempts.Log,
            };
            if (response is null)
            {
                var last = attempts.Log.Count > 0 ? attempts.Log[^1].Error : null;
                return page with
                {
                    Outcome = PageOutcome.NoResponse,
                    Error = $"page {pageNumber} of {subResource} got no answer in {attempts.Log.Count} attempt(s): {last ?? failure?.Message}; " +
                            "raise Retry.MaxAttempts or Retry.AttemptTimeout, or run again later",
                };
            }
            if (!response.IsSuccessStatusCode)
            {
                var transient = FetchResilience.IsTransient(response.StatusCode);
                return page with
                {
                    Outcome = PageOutcome.HttpError,
                    Error = $"page {pageNumber} of {subResource} answered HTTP {status} {response.ReasonPhrase}" +
                            (transient ? $" on all {attempts.Log.Count} attempt(s); raise Retry.MaxAttempts or run again later" : "; not retried (not transient)"),
                };
            }

            var keys = _keyedEnvelope is null ? null : new List<PageKey>(_options.PageSize);
            var summary = _keyedEnvelope?.Read(body.Span, _keyField, keys) ?? _options.Pagination.Inspect(body.Span);
            if (!summary.IsValidJson)
            {
                return page with { Outcome = PageOutcome.NotJson, Error = $"page {pageNumber} of {subResource} is not valid JSON: {summary.JsonError}" };
            }
            page = page with { TotalCount = summary.TotalCount, RecordCount = summary.RecordCount, Keys = keys };
            return summary.IsErrorEnvelope
                ? page with { Outcome = PageOutcome.ErrorEnvelope, RecordCount = null, Error = $"page {pageNumber} of {subResource} is the upstream's error envelope: {summary.ErrorText}" }
                : page;
        }
    }

    private void EnterFlight()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }
    }

    private string NextUserAgent()
    {
        var agents = _options.UserAgents;
        return agents.Count == 0 ? "" : agents[(int)((uint)Interlocked.Increment(ref _userAgentTurn) % (uint)agents.Count)];
    }

    private static HttpClient CreateClient(PagedSourceOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = Math.Max(options.Concurrency, 1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Retry.AttemptTimeout,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        _hostSlots.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    /// <summary>Sends one page's attempts and keeps their log and the last body read.</summary>
    private sealed class AttemptRecorder(PagedHttpSource source, Uri url, CancellationToken runToken)
    {
        private readonly List<PageAttempt> _log = [];

        public IReadOnlyList<PageAttempt> Log => _log;

        public ReadOnlyMemory<byte> LastBody { get; private set; }

        /// <summary>True when <see cref="LastBody"/> is a view of an array rented from the source's body pool.</summary>
        public bool LastBodyIsRented { get; private set; }

        /// <summary>Gives the last attempt's body back to the pool, if it came from there.</summary>
        public void ReturnLastBody()
        {
            ReturnBody(LastBody, LastBodyIsRented, source._bodyPool);
            LastBody = ReadOnlyMemory<byte>.Empty;
            LastBodyIsRented = false;
        }

        public async ValueTask<HttpResponseMessage> SendAsync(CancellationToken attemptToken)
        {
            var number = _log.Count + 1;
            var startedAt = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage? response = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", source.NextUserAgent());
                request.Headers.TryAddWithoutValidation("Accept", "application/json, text/plain, */*");
                request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
                if (source._options.Referer is { } referer)
                {
                    request.Headers.TryAddWithoutValidation("Referer", referer);
                }
                response = await source._client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
                (ReadOnlyMemory<byte> body, bool rented) = await ReadBodyAsync(response.Content, source._bodyPool, attemptToken).ConfigureAwait(false);
                ReturnLastBody(); // a retry's answer replaces the one before
                LastBody = body;
                LastBodyIsRented = rented;
                _log.Add(new PageAttempt(number, startedAt, Stopwatch.GetElapsedTime(started), (int)response.StatusCode,
                    response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
                return response;
            }
            catch (Exception e)
            {
                response?.Dispose();
                var error = e is OperationCanceledException && !runToken.IsCancellationRequested
                    ? $"no complete answer within the attempt timeout ({source._options.Retry.AttemptTimeout.TotalSeconds:0.###} s)"
                    : e.Message;
                _log.Add(new PageAttempt(number, startedAt, Stopwatch.GetElapsedTime(started), response is null ? 0 : (int)response.StatusCode, error));
                throw;
            }
        }

        /// <summary>
        /// The whole body: into an array of its exact size, or a view of one rented from <paramref name="pool"/> (then
        /// <c>Rented</c>); a body shorter than its Content-Length is an <see cref="IOException"/> (retried).
        /// </summary>
        private static async ValueTask<(ReadOnlyMemory<byte> Body, bool Rented)> ReadBodyAsync(HttpContent content, ArrayPool<byte>? pool, CancellationToken cancellationToken)
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (content.Headers.ContentLength is { } length and > 0 and <= int.MaxValue)
                {
                    var size = (int)length;
                    var array = pool?.Rent(size) ?? new byte[size];
                    try
                    {
                        var read = await stream.ReadAtLeastAsync(array.AsMemory(0, size), size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                        if (read < size)
                        {
                            throw new HttpIOException(HttpRequestError.ResponseEnded, $"the body ended after {read:N0} of its {length:N0} bytes (Content-Length)");
                        }
                        return (array.AsMemory(0, size), pool is not null);
                    }
                    catch when (pool is not null)
                    {
                        pool.Return(array);
                        throw;
                    }
                }
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                return (buffer.ToArray(), false);
            }
        }
    }
}
