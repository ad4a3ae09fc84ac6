using System.Buffers;
using System.Diagnostics;
using Apache.Arrow;
using Ingest.Sources;
using Ingest.Tables;
using Table = Ingest.Tables.Table;

namespace Ingest.Tiers;

/// <summary>
/// The raw tier: fetches every page of a source's sub-resources and stages them as rows of the raw table's
/// partition as they arrive (a few pages at a time), then commits the partition once, as one snapshot.
/// </summary>
/// <remarks>
/// <para><b>Memory</b> is bounded by the page source's reorder window, <see cref="RawStageOptions.PagesPerBatch"/>
/// pages being built, and one row group (<see cref="RawStageOptions.RowGroupBytes"/>) in the writer: never by the
/// partition.</para>
/// <para><b>Resume</b>: each sub-resource is a segment of a <see cref="ResumablePartitionWriter"/>; once all its pages
/// are written, its part files are flushed and it is recorded as staged. A run that is killed, crashes or is
/// cancelled leaves the staged sub-resources behind; the next run for the same (table, partition) commits them without
/// fetching them again and fetches only the sub-resources it lacks (a sub-resource interrupted halfway is fetched
/// again from its page 1: its pages are one consistent read of the upstream's pagination). The result is one commit,
/// the same table a clean run makes. A sub-resource staged with failed pages is fetched again on resume (a run that
/// is not interrupted commits it as it came). <see cref="RawStageOptions.ForceFresh"/> throws earlier staging away.</para>
/// <para><b>Failures</b>: a page that failed after its retries is a row like any other, with its status, outcome and
/// error; nothing is dropped. A run in which every page failed (and nothing was resumed) throws
/// <see cref="NothingFetchedException"/>, so a scheduler sees it fail, and never replaces a committed snapshot of the
/// partition with failures: it commits its failed pages only where there is no snapshot to keep. It gives up early,
/// once <see cref="GiveUpAfterFailedSubResources"/> sub-resources have failed on every page with none fetched.</para>
/// <para><b>Page bodies</b> are read into arrays rented from a pool of the stage's own and given back once each page is
/// copied into its batch: fresh ~110 KB arrays for every page went to the large-object heap, made every collection a
/// full one and had the kernel fault in fresh pages under each read (benchmarks/README.md, "`ingest bench`").</para>
/// </remarks>
public static class RawStage
{
    /// <summary>Fetches over HTTP with a <see cref="PagedHttpSource"/> built from <see cref="RawStageOptions.Source"/>.</summary>
    public static async Task<RawStageReport> RunAsync(DateOnly partitionDate, string warehouse, RawStageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Bodies in use at once: the pages in flight and in the reorder window, and the one being staged.
        var bodies = ArrayPool<byte>.Create(MaxPooledBodyBytes, options.Source.EffectiveReorderWindow + options.Source.Concurrency + 2);
        using var source = new PagedHttpSource(options.Source, options.HttpClient, bodies);
        RawStageReport report = await RunAsync(partitionDate, warehouse, options, source.FetchAsync, bodies, cancellationToken).ConfigureAwait(false);
        return report with { Fetch = source.Report };
    }

    /// <summary>Fetches with <paramref name="fetch"/> (any source of <see cref="RawPage"/>s).</summary>
    public static Task<RawStageReport> RunAsync(DateOnly partitionDate, string warehouse, RawStageOptions options, PageFetch fetch, CancellationToken cancellationToken = default) =>
        RunAsync(partitionDate, warehouse, options, fetch, bodies: null, cancellationToken);

    /// <summary>Bodies larger than this are read into arrays of their own, not pooled ones.</summary>
    private const int MaxPooledBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// With no page fetched yet, the stage stops once this many sub-resources have failed on every page: the upstream
    /// is down or refusing, and the others would only spend their retries to the same end (against a closed port the
    /// fast scenario's 18 model-year codes took 73 s to fail one by one).
    /// </summary>
    public const int GiveUpAfterFailedSubResources = 3;

    /// <summary>Failures a <see cref="NothingFetchedException"/> quotes, the first ones.</summary>
    private const int QuotedErrors = 3;

    /// <param name="bodies">The pool rented bodies (<see cref="RawPage.BodyIsRented"/>) go back to once their page is staged.</param>
    private static async Task<RawStageReport> RunAsync(DateOnly partitionDate, string warehouse, RawStageOptions options, PageFetch fetch, ArrayPool<byte>? bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PagesPerBatch, 1);
        var duplicates = options.SubResources.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw new ArgumentException($"Sub-resources are listed twice: {string.Join(", ", duplicates)}.", nameof(options));

        using var memory = new MemorySampler();
        long started = Stopwatch.GetTimestamp();
        TableStoreOptions storeOptions = (options.Store ?? new TableStoreOptions { GitSha = TableStoreOptions.GitShaFromEnvironment() }) with
        {
            RowGroupBytes = options.RowGroupBytes,
            Compression = options.Compression,
        };
        Table table = new TableStore(warehouse, storeOptions).OpenTable(options.Namespace, options.TableName);

        ResumablePartitionWriter writer = table.OpenResumablePartitionWriter(partitionDate, RawTier.Schema, options.ForceFresh);
        string? discarded = writer.DiscardedStaging;
        var wanted = options.SubResources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (writer.StagedSegments.FirstOrDefault(s => !wanted.Contains(s.Name)) is { } stray)
        {
            await writer.DiscardAsync().ConfigureAwait(false);
            writer = table.OpenResumablePartitionWriter(partitionDate, RawTier.Schema, fresh: true);
            discarded = $"it holds sub-resource {stray.Name}, which this run does not fetch";
        }

        await using (writer.ConfigureAwait(false))
        {
            var results = new List<RawSubResourceResult>();
            long pagesResumed = 0;
            int pagesFetched = 0, failed = 0, notJson = 0, failedSubResources = 0;
            long bytesFetched = 0;
            var errors = new List<string>(QuotedErrors);
            using var builder = new RawPageBatchBuilder(partitionDate, options.Source.SourceName);
            foreach (SubResource subResource in options.SubResources)
            {
                if (writer.StagedSegments.FirstOrDefault(s => s.Name == subResource.Name) is { } staged)
                {
                    pagesResumed += staged.Rows;
                    results.Add(new RawSubResourceResult(subResource.Name, staged.Rows, 0, 0, staged.Files.Sum(f => f.Bytes), Resumed: true));
                    continue;
                }

                int pages = 0, subFailed = 0, subNotJson = 0;
                long bytes = 0;
                await foreach (RawPage page in fetch(subResource, cancellationToken).ConfigureAwait(false))
                {
                    builder.Append(page);
                    pages++;
                    bytes += page.Body.Length;
                    if (page.IsFailed)
                    {
                        subFailed++;
                        if (errors.Count < QuotedErrors) errors.Add(page.Error ?? $"page {page.PageNumber} of {subResource.Name}: {page.Outcome}");
                    }
                    if (page.Outcome == PageOutcome.NotJson) subNotJson++;
                    if (builder.Pages >= options.PagesPerBatch || builder.BodyBytes >= options.BatchBytes)
                    {
                        await WriteAsync(writer, builder, subResource, cancellationToken).ConfigureAwait(false);
                        memory.Sample();
                    }
                    options.OnPage?.Invoke(page);
                    // Copied into the batch being built (RawPageBatchBuilder.Append): the array can serve the next page.
                    if (bodies is not null) PagedHttpSource.ReturnBody(page, bodies);
                }
                if (builder.Pages > 0) await WriteAsync(writer, builder, subResource, cancellationToken).ConfigureAwait(false);
                // A sub-resource with failed pages is committed by this run as it is, but a run that resumes fetches it again.
                await writer.CompleteSegmentAsync(subResource.Name, redoOnResume: subFailed > 0, cancellationToken).ConfigureAwait(false);
                memory.Sample();

                pagesFetched += pages;
                failed += subFailed;
                notJson += subNotJson;
                bytesFetched += bytes;
                results.Add(new RawSubResourceResult(subResource.Name, pages, subFailed, subNotJson, bytes, Resumed: false));
                if (pages > 0 && subFailed == pages) failedSubResources++;
                if (NothingFetched() && failedSubResources >= GiveUpAfterFailedSubResources && results.Count < options.SubResources.Count)
                    await GiveUpAsync(writer, table, partitionDate, options, failed, errors, $"gave up after {failedSubResources} of {options.SubResources.Count} sub-resources").ConfigureAwait(false);
            }
            if (NothingFetched() && failed > 0) await GiveUpAsync(writer, table, partitionDate, options, failed, errors, stoppedEarly: null).ConfigureAwait(false);
            bool NothingFetched() => pagesResumed == 0 && failed == pagesFetched;

            TimeSpan staging = Stopwatch.GetElapsedTime(started);
            long commitStarted = Stopwatch.GetTimestamp();
            PartitionManifest manifest = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            TimeSpan commit = Stopwatch.GetElapsedTime(commitStarted);

            return new RawStageReport
            {
                Table = $"{options.Namespace}/{options.TableName}",
                PartitionDate = partitionDate,
                CommitId = manifest.CommitId,
                RowsIn = pagesFetched + pagesResumed,
                RowsOut = manifest.RowCount,
                PagesFetched = pagesFetched,
                PagesResumed = pagesResumed,
                FailedPages = failed,
                NotJsonPages = notJson,
                BytesFetched = bytesFetched,
                FileBytes = manifest.Files.Sum(f => f.Bytes),
                SubResources = results,
                DiscardedStaging = discarded,
                RefetchedSubResources = writer.RedoneSegments,
                Timings = new StageTimings(Stopwatch.GetElapsedTime(started), [new StagePhase("fetch and stage", staging), new StagePhase("commit", commit)]),
                Memory = memory.Stop(),
            };
        }
    }

    /// <summary>
    /// Ends a run that fetched nothing: over a committed snapshot, throws the staging away (the snapshot stays as it
    /// was); with none to keep, commits the failed pages as rows, as for any failed page. Then throws
    /// <see cref="NothingFetchedException"/> either way.
    /// </summary>
    private static async Task GiveUpAsync(ResumablePartitionWriter writer, Table table, DateOnly partitionDate, RawStageOptions options, int failed,
        List<string> errors, string? stoppedEarly)
    {
        string partition = $"{table.Namespace}/{table.Name} for {partitionDate:yyyy-MM-dd}";
        string outcome;
        if (table.Partitions().Contains(partitionDate))
        {
            await writer.DiscardAsync().ConfigureAwait(false);
            outcome = $"Nothing was committed: the snapshot of {partition} is as it was";
        }
        else
        {
            await writer.CommitAsync().ConfigureAwait(false);
            outcome = $"The failed pages were committed to {partition} as rows with their errors (there was no snapshot to keep)";
        }
        throw new NothingFetchedException(
            $"No page could be fetched from {options.Source.BaseAddress}: all {failed} pages asked for failed" +
            (stoppedEarly is null ? "" : $" ({stoppedEarly})") + $"; the first: {errors[0].TrimEnd('.')}. " +
            $"{outcome}. Check that the upstream is reachable and answering, then run the stage again.",
            failed, errors);
    }

    private static async Task WriteAsync(ResumablePartitionWriter writer, RawPageBatchBuilder builder, SubResource subResource, CancellationToken cancellationToken)
    {
        // Written before the builder takes the next page: the batch's bodies are the builder's own bytes.
        using RecordBatch batch = builder.Build(subResource.Name);
        await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
