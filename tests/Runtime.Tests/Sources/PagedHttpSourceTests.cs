using System.Diagnostics;
using System.Text.Json;
using Ingest.Simulator;
using Ingest.Sources;

namespace Ingest.Runtime.Tests.Sources;

/// <summary>The paged HTTP source over real HTTP on loopback against the in-process simulator.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class PagedHttpSourceTests(SimulatorFixture fixture)
{
    private static async Task<List<RawPage>> FetchAll(PagedHttpSource source, SubResource subResource, CancellationToken ct = default)
    {
        var pages = new List<RawPage>();
        await foreach (var page in source.FetchAsync(subResource, ct))
        {
            pages.Add(page);
        }
        return pages;
    }

    private static List<string> Vins(ReadOnlyMemory<byte> page)
    {
        using var document = JsonDocument.Parse(page);
        return [.. document.RootElement.GetProperty("result").GetProperty("data").GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("vin").GetString()!)];
    }

    private static List<string> FeedVins(ReadOnlyMemory<byte> page)
    {
        using var document = JsonDocument.Parse(page);
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("vin").GetString()!)];
    }

    [Fact]
    public async Task A_model_year_code_around_New_York_is_fetched_completely_in_page_order()
    {
        var server = fixture.Fresh();
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        var query = fixture.Query(code);
        using var source = new PagedHttpSource(fixture.Jeep());

        var pages = await FetchAll(source, code);

        Assert.True(pageCount >= 5, $"{code} has {pageCount} pages near New York; the test wants several");
        Assert.Equal(Enumerable.Range(1, pageCount), pages.Select(p => p.PageNumber));
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            Assert.Equal(server.Pages.RenderPage(query, i + 1), page.Body.ToArray());
            Assert.Equal(PageOutcome.Fetched, page.Outcome);
            Assert.Equal(200, page.Status);
            Assert.Equal(1, page.Attempts);
            Assert.Equal("stellantis_inventory", page.Source);
            Assert.Equal(code, page.SubResource.Name);
            Assert.Equal(source.RequestUrl(code, i + 1), page.RequestUrl);
            Assert.Contains($"&pageNumber={i + 1}&pageSize=50", page.RequestUrl.Query, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, page.FetchedAt.Offset);
            Assert.True(page.Elapsed > TimeSpan.Zero);
            Assert.Null(page.Error);
        }
        var served = pages.SelectMany(p => Vins(p.Body)).ToList();
        Assert.Equal(server.Pages.Vehicles(query).Select(v => v.Vin), served);
        Assert.Equal(served.Count, served.Distinct().Count());
        Assert.Equal(pageCount, server.RequestCountFor(SimulatorPaths.Inventory));

        var report = Assert.Single(source.Report.SubResources);
        Assert.True(report.Completed);
        Assert.Equal(pageCount, report.Pages);
        Assert.Equal(pages.Sum(p => p.Body.Length), report.Bytes);
        Assert.Equal(server.Pages.Count(query), report.FirstTotal);
        Assert.Empty(report.FailedPages);
        Assert.Contains("total", report.StopReason, StringComparison.Ordinal);
        Assert.True(report.Continuity!.IsContinuous, report.Continuity.ToString());
        Assert.Equal(served.Count, report.Continuity.UniqueKeys);
        Assert.False(source.Report.HasProblems);
    }

    [Fact]
    public async Task Mercedes_inventory_pages_by_a_zero_based_index_and_a_count()
    {
        var server = fixture.Fresh();
        using var source = new PagedHttpSource(KnownSources.MercedesInventory(server.BaseAddress, pageSize: 100) with { Concurrency = 4, Retry = SimulatorFixture.FastRetry });

        var pages = await FetchAll(source, "used");

        var total = server.Mercedes.Count(new MercedesQuery(SimulatorFixture.Today, MercedesCondition.Used, "10001"));
        var expectedPages = (total + 99) / 100;
        Assert.Equal(Enumerable.Range(1, expectedPages), pages.Select(p => p.PageNumber));
        for (var i = 0; i < pages.Count; i++)
        {
            var expected = server.Mercedes.RenderPage(new MercedesQuery(SimulatorFixture.Today, MercedesCondition.Used, "10001", null, i, 100));
            Assert.Equal(expected, pages[i].Body.ToArray());
            Assert.Contains($"start={i}&count=100", pages[i].RequestUrl.Query, StringComparison.Ordinal);
            Assert.Equal(total, pages[i].TotalCount);
        }
        Assert.Equal(total, pages.Sum(p => p.RecordCount));
        var report = Assert.Single(source.Report.SubResources);
        Assert.Equal(total, report.Continuity!.UniqueKeys);
        Assert.True(report.Continuity.IsContinuous);
    }

    [Fact]
    public async Task Dealers_page_by_a_results_page_and_stop_at_the_first_short_page()
    {
        var server = fixture.Fresh();
        using var source = new PagedHttpSource(KnownSources.StellantisDealers(server.BaseAddress) with { Retry = SimulatorFixture.FastRetry });

        var pages = await FetchAll(source, "J");

        var query = new DealerLocatorQuery("10001", Radius: 99999, ResultsPerPage: 999);
        int total = server.DealerLocator.Find(query).Count;
        Assert.Equal(Enumerable.Range(1, (total + 998) / 999), pages.Select(p => p.PageNumber));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(server.DealerLocator.Render(query with { ResultsPage = i + 1 }), pages[i].Body.ToArray());
            Assert.Contains($"brandCode=J&resultsPage={i + 1}&resultsPerPage=999", pages[i].RequestUrl.Query, StringComparison.Ordinal);
        }
        Assert.Equal(total, pages.Sum(p => p.RecordCount));
        var report = Assert.Single(source.Report.SubResources);
        Assert.True(report.Completed);
        Assert.Contains("short", report.StopReason, StringComparison.Ordinal);
        Assert.Equal(total, report.Continuity!.UniqueKeys);
        Assert.True(report.Continuity.IsContinuous, report.Continuity.ToString());
        Assert.False(source.Report.HasProblems);
    }

    [Fact]
    public async Task The_dealer_feed_pages_by_page_number_until_its_total_items_are_read_every_item_once()
    {
        var server = fixture.Fresh();
        using var source = new PagedHttpSource(KnownSources.StellantisDealerFeed(server.BaseAddress, radius: 150) with { Retry = SimulatorFixture.FastRetry });

        var pages = await FetchAll(source, "J");

        var query = new DealerFeedQuery(SimulatorFixture.Today, Radius: 150);
        var items = server.DealerFeed.Items(query);
        int pageCount = server.DealerFeed.PageCount(query);
        Assert.True(pageCount >= 5, $"the feed within 150 miles of New York has {pageCount} pages; the test wants several");
        Assert.Equal(Enumerable.Range(1, pageCount), pages.Select(p => p.PageNumber));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(server.DealerFeed.RenderPage(query with { Page = i + 1 }), pages[i].Body.ToArray());
            Assert.Contains($"brand=J&zip=10001&radius=150&page={i + 1}&pageSize=250", pages[i].RequestUrl.Query, StringComparison.Ordinal);
        }
        Assert.Equal(items.Select(i => i.Vin), pages.SelectMany(p => FeedVins(p.Body)));
        Assert.Equal(items.Count, pages.Sum(p => p.RecordCount));
        Assert.All(pages, p => Assert.Equal(items.Count, p.TotalCount));
        var report = Assert.Single(source.Report.SubResources);
        Assert.True(report.Completed);
        Assert.Contains("total", report.StopReason, StringComparison.Ordinal);
        Assert.Equal(items.Count, report.Continuity!.UniqueKeys);
        Assert.True(report.Continuity.IsContinuous, report.Continuity.ToString());
        Assert.False(source.Report.HasProblems);
        Assert.Equal(pageCount, server.RequestCountFor(SimulatorPaths.DealerFeed));
    }

    [Fact]
    public async Task The_dealer_feeds_error_body_is_a_failed_page_with_its_message()
    {
        var server = fixture.Fresh();
        using var source = new PagedHttpSource(KnownSources.StellantisDealerFeed(server.BaseAddress, zip: "00000") with { Retry = SimulatorFixture.FastRetry });

        var page = Assert.Single(await FetchAll(source, "J"));

        Assert.Equal(PageOutcome.ErrorEnvelope, page.Outcome);
        Assert.Contains("'00000' could not be located", page.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_every_attempt_is_recorded()
    {
        var server = fixture.Fresh(new FaultOptions { ServerErrorRate = 1, FaultyAttemptsPerUrl = 2 });
        var (code, pageCount) = fixture.CodesNearNewYork()[2];
        using var source = new PagedHttpSource(fixture.Jeep());

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        foreach (var page in pages)
        {
            Assert.Equal(PageOutcome.Fetched, page.Outcome);
            Assert.Equal(3, page.Attempts);
            Assert.All(page.AttemptLog.Take(2), a => Assert.Contains(a.Status, new[] { 500, 502, 503 }));
            Assert.Equal(200, page.AttemptLog[2].Status);
            Assert.Equal(server.Pages.RenderPage(fixture.Query(code), page.PageNumber), page.Body.ToArray());
        }
        Assert.Equal(3 * pageCount, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Equal(2 * pageCount, Assert.Single(source.Report.SubResources).Retries);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_wait_the_server_asks_for()
    {
        var server = fixture.Fresh(new FaultOptions { TooManyRequestsRate = 1, RetryAfter = TimeSpan.FromSeconds(1), FaultyAttemptsPerUrl = 1 });
        var (code, pageCount) = fixture.CodesNearNewYork()[^1];
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 8));

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal(PageOutcome.Fetched, page.Outcome);
            Assert.Equal([429, 200], page.AttemptLog.Select(a => a.Status));
            // Backoff alone would be a few milliseconds; the client waited out Retry-After: 1.
            Assert.True(page.AttemptLog[1].StartedAt - page.AttemptLog[0].EndedAt >= TimeSpan.FromSeconds(0.95));
        });
        // The server's own clock agrees: each URL's second request came a second after its 429 was answered.
        foreach (var attempts in server.Requests.Entries.GroupBy(e => e.Query))
        {
            var (limited, retried) = (attempts.Single(e => e.Attempt == 1), attempts.Single(e => e.Attempt == 2));
            Assert.Equal(429, limited.StatusCode);
            Assert.True(retried.ReceivedAt - limited.CompletedAt >= TimeSpan.FromSeconds(0.95));
        }
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_abandoned_and_retried()
    {
        var server = fixture.Fresh(new FaultOptions { TimeoutRate = 1, TimeoutHold = TimeSpan.FromMinutes(2), FaultyAttemptsPerUrl = 1 });
        var (code, pageCount) = fixture.CodesNearNewYork()[^1];
        // The faulty first attempts hold for minutes; the limit only has to be long enough that an answered retry fits
        // in it on a busy CI machine, where seven test projects share two cores.
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 8) with { Retry = SimulatorFixture.FastRetry with { AttemptTimeout = TimeSpan.FromSeconds(2) } });

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal(PageOutcome.Fetched, page.Outcome);
            Assert.Equal(2, page.Attempts);
            Assert.Equal(0, page.AttemptLog[0].Status);
            Assert.Contains("attempt timeout", page.AttemptLog[0].Error, StringComparison.Ordinal);
            Assert.Equal(server.Pages.RenderPage(fixture.Query(code), page.PageNumber), page.Body.ToArray());
        });
        Assert.Equal(2 * pageCount, server.RequestCountFor(SimulatorPaths.Inventory));
    }

    [Fact]
    public async Task A_page_that_fails_beyond_its_retries_is_yielded_as_failed_and_reported()
    {
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        var options = fixture.Jeep() with { Retry = SimulatorFixture.FastRetry with { MaxAttempts = 3 } };
        using var probe = new PagedHttpSource(options);
        // A seed under which page 1 gets through within 3 attempts and some later pages never do (decisions are a
        // hash of seed, URL and attempt, so the test knows which pages will fail before asking).
        var (faults, failing) = Enumerable.Range(1, 200)
            .Select(seed => new FaultOptions { Seed = seed, ServerErrorRate = 0.5, FaultyAttemptsPerUrl = 10 })
            .Select(f => (f, Failing: Enumerable.Range(1, pageCount).Where(p => FailsThrice(f, probe.RequestUrl(code, p))).ToList()))
            .First(c => c.Failing.Count is > 0 and < 4 && !c.Failing.Contains(1));
        var server = fixture.Fresh(faults);
        using var source = new PagedHttpSource(options);

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        Assert.Equal(failing, pages.Where(p => p.IsFailed).Select(p => p.PageNumber));
        foreach (var page in pages)
        {
            if (page.IsFailed)
            {
                Assert.Equal(PageOutcome.HttpError, page.Outcome);
                Assert.Equal(3, page.Attempts);
                Assert.Matches($"page {page.PageNumber} of {code} answered HTTP 50[023] .* on all 3 attempt", page.Error);
                Assert.Contains((int)page.Status, new[] { 500, 502, 503 });
            }
            else
            {
                Assert.Equal(server.Pages.RenderPage(fixture.Query(code), page.PageNumber), page.Body.ToArray());
            }
        }
        var report = Assert.Single(source.Report.SubResources);
        Assert.Equal(failing, report.FailedPages.Select(f => f.PageNumber));
        Assert.All(report.FailedPages, f => Assert.Equal(3, f.Attempts));
        Assert.Equal(failing, report.Continuity!.UnreadablePages);
        Assert.True(source.Report.HasProblems);
        Assert.Contains($"{code} page {failing[0]}: HttpError after 3 attempt(s)", source.Report.ToString(), StringComparison.Ordinal);

        static bool FailsThrice(FaultOptions faults, Uri url) =>
            Enumerable.Range(1, 3).All(attempt => FaultPlan.Decide(faults, url.PathAndQuery, attempt, 0).Kind == FaultKind.ServerError);
    }

    [Fact]
    public async Task The_error_envelope_is_a_failed_page_with_the_upstreams_error_text()
    {
        var server = fixture.Fresh();
        using var source = new PagedHttpSource(fixture.Jeep(zip: "00000"));

        var page = Assert.Single(await FetchAll(source, "IUJ202510"));

        Assert.Equal(PageOutcome.ErrorEnvelope, page.Outcome);
        Assert.Equal(200, page.Status);
        Assert.Equal(1, page.Attempts);
        Assert.Contains("Invalid zip code: '00000'", page.Error, StringComparison.Ordinal);
        var report = Assert.Single(source.Report.SubResources);
        Assert.StartsWith("page 1 failed", report.StopReason, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCountFor(SimulatorPaths.Inventory));
    }

    [Fact]
    public async Task Pages_that_are_not_json_are_passed_on_for_quarantine_not_retried()
    {
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        using var probe = new PagedHttpSource(fixture.Jeep());
        var faults = Enumerable.Range(1, 200)
            .Select(seed => new FaultOptions { Seed = seed, MalformedJsonRate = 0.3, TruncatedBodyRate = 0.1, FaultyAttemptsPerUrl = 1 })
            .First(f => FaultPlan.Decide(f, probe.RequestUrl(code, 1).PathAndQuery, 1, 0).Kind == FaultKind.None);
        var server = fixture.Fresh(faults);
        using var source = new PagedHttpSource(fixture.Jeep());

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        var damaged = pages.Where(p => p.Outcome == PageOutcome.NotJson).ToList();
        Assert.NotEmpty(damaged);
        Assert.All(pages, p => Assert.Equal(1, p.Attempts));
        Assert.All(damaged, p =>
        {
            Assert.False(p.IsFailed);
            Assert.Equal(200, p.Status);
            Assert.NotEqual(server.Pages.RenderPage(fixture.Query(code), p.PageNumber), p.Body.ToArray());
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(p.Body));
            Assert.Contains("is not valid JSON", p.Error, StringComparison.Ordinal);
        });
        Assert.Equal(pageCount, server.RequestCountFor(SimulatorPaths.Inventory));
        Assert.Equal(damaged.Select(p => p.PageNumber), Assert.Single(source.Report.SubResources).NotJsonPages);
    }

    [Fact]
    public async Task No_more_than_the_concurrency_limit_of_requests_are_in_flight()
    {
        // Long enough that requests overlap even when the client is slow to send them (a loaded CI machine).
        var server = fixture.Fresh(new FaultOptions { Latency = TimeSpan.FromMilliseconds(100) });
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 3));

        var pages = await FetchAll(source, code);

        Assert.Equal(pageCount, pages.Count);
        var entries = server.Requests.Entries;
        var peak = entries
            .SelectMany(e => new[] { (At: e.ReceivedAt, Delta: 1), (At: e.CompletedAt, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta)
            .Aggregate((Now: 0, Peak: 0), (s, e) => (s.Now + e.Delta, Math.Max(s.Peak, s.Now + e.Delta))).Peak;
        Assert.InRange(peak, 2, 3);
        Assert.InRange(source.PeakInFlight, 2, 3);
        Assert.Equal(3, Assert.Single(source.Report.SubResources).PeakInFlight);
    }

    [Fact]
    public async Task Cancelling_stops_the_fetch_and_its_requests_in_flight_promptly()
    {
        // The first request is answered at once, every later one would take 30 s.
        var server = fixture.Fresh(new FaultOptions { PeakAfterRequests = 1, PeakLatency = TimeSpan.FromSeconds(30) });
        using var source = new PagedHttpSource(fixture.Jeep(radius: InventoryQuery.NationalRadius, concurrency: 4));
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var pages = new List<RawPage>();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in source.FetchAsync("IUJ202510", cancel.Token))
            {
                pages.Add(page);
                await cancel.CancelAsync();
            }
        });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal([1], pages.Select(p => p.PageNumber));
        Assert.InRange(server.RequestCountFor(SimulatorPaths.Inventory), 1, 1 + 4);
        var report = Assert.Single(source.Report.SubResources);
        Assert.False(report.Completed);
        Assert.Equal("cancelled", report.StopReason);
        Assert.Equal(cancel.Token, thrown.CancellationToken);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_cancels_the_pages_it_no_longer_wants()
    {
        var server = fixture.Fresh(new FaultOptions { PeakAfterRequests = 2, PeakLatency = TimeSpan.FromSeconds(30) });
        using var source = new PagedHttpSource(fixture.Jeep(radius: InventoryQuery.NationalRadius, concurrency: 2) with { Concurrency = 1 });
        var clock = Stopwatch.StartNew();

        await foreach (var page in source.FetchAsync("IUJ202510"))
        {
            if (page.PageNumber == 2)
            {
                break;
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.InRange(server.RequestCountFor(SimulatorPaths.Inventory), 2, 3);
        var report = Assert.Single(source.Report.SubResources);
        Assert.False(report.Completed);
        Assert.Equal(2, report.Pages);
    }

    [Fact]
    public async Task Each_request_carries_a_rotating_browser_user_agent_and_the_referer()
    {
        var server = fixture.Fresh();
        var (code, pageCount) = fixture.CodesNearNewYork()[0];
        using var source = new PagedHttpSource(fixture.Jeep());

        await FetchAll(source, code);

        var entries = server.Requests.Entries;
        Assert.Equal(pageCount, entries.Count);
        Assert.All(entries, e => Assert.Equal("https://www.jeep.com/new-inventory", e.Referer));
        Assert.All(entries, e => Assert.Contains(e.UserAgent, BrowserUserAgents.Desktop));
        Assert.Equal(Math.Min(pageCount, BrowserUserAgents.Desktop.Count), entries.Select(e => e.UserAgent).Distinct().Count());
        Assert.All(entries, e => Assert.StartsWith("Mozilla/5.0 (", e.UserAgent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RowShiftKind.Insertion)]
    [InlineData(RowShiftKind.Removal)]
    public async Task Rows_moving_between_pages_show_as_duplicates_and_a_shortfall(RowShiftKind kind)
    {
        var server = fixture.Fresh(new FaultOptions { RowShiftAfterPage = 2, RowShiftKind = kind });
        var (code, _) = fixture.CodesNearNewYork()[0];
        var total = server.Pages.Count(fixture.Query(code));
        // One page at a time, so page 3 is asked after page 2 has been served and the rows have moved.
        using var source = new PagedHttpSource(fixture.Jeep(concurrency: 1));

        var pages = await FetchAll(source, code);

        var continuity = Assert.Single(source.Report.SubResources).Continuity!;
        Assert.False(continuity.IsContinuous);
        Assert.True(continuity.TotalChanged);
        Assert.Equal(total, continuity.FirstTotal);
        Assert.Equal(1, continuity.Shortfall);
        if (kind == RowShiftKind.Insertion)
        {
            Assert.Equal(total + 1, continuity.LastTotal);
            var duplicate = Assert.Single(continuity.Duplicates);
            Assert.Equal((2, 3), (duplicate.FirstPage, duplicate.Page));
            Assert.Equal(Vins(pages[1].Body)[^1], duplicate.Key);
            Assert.Equal(Vins(pages[2].Body)[0], duplicate.Key);
            // Every vehicle of the first read was served, but the one inserted into page 2 after it was read never is.
            Assert.Equal(total, continuity.UniqueKeys);
        }
        else
        {
            Assert.Equal(total - 1, continuity.LastTotal);
            Assert.Equal(0, continuity.DuplicateCount);
            // The row that moved up into page 2 after it was read is never served.
            Assert.Equal(total - 1, continuity.UniqueKeys);
        }
        Assert.True(source.Report.HasProblems);
    }
}
