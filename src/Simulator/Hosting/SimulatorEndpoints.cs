using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ingest.Simulator;

/// <summary>Maps the upstream endpoints and the admin endpoints onto a minimal-API application.</summary>
internal static class SimulatorEndpoints
{
    public static JsonSerializerOptions AdminJson { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet(SimulatorPaths.Inventory, context => Inventory(context, state));
        app.MapGet(SimulatorPaths.DealerLocator, context => DealerLocator(context, state));
        app.MapGet(SimulatorPaths.DealerFeed, context => DealerFeed(context, state));
        app.MapGet(SimulatorPaths.MercedesNew, context => Mercedes(context, state, MercedesCondition.New));
        app.MapGet(SimulatorPaths.MercedesUsed, context => Mercedes(context, state, MercedesCondition.Used));

        app.MapGet(SimulatorPaths.AdminFaults, context => WriteAdminJson(context, state.Faults));
        app.MapPut(SimulatorPaths.AdminFaults, async context =>
        {
            var faults = await JsonSerializer.DeserializeAsync<FaultOptions>(context.Request.Body, AdminJson, context.RequestAborted);
            state.Faults = faults ?? FaultOptions.None;
            await WriteAdminJson(context, state.Faults);
        });
        app.MapGet(SimulatorPaths.AdminDate, context => WriteAdminJson(context, new { date = state.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        app.MapPut(SimulatorPaths.AdminDate, async context =>
        {
            if (!DateOnly.TryParseExact(context.Request.Query["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("Pass ?date=yyyy-MM-dd.", context.RequestAborted);
                return;
            }
            state.Date = date;
            await WriteAdminJson(context, new { date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        });
        app.MapGet(SimulatorPaths.AdminRequests, context => WriteAdminJson(context, new { total = state.Requests.Total, paths = state.Requests.CountsByPath }));
        app.MapPost(SimulatorPaths.AdminReset, context =>
        {
            state.ResetRequests(TimeSpan.FromSeconds(10));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet(SimulatorPaths.AdminModelYearCodes, context => WriteAdminJson(context, state.Inventory.ModelYearCodes(state.Date)));
    }

    private static Task Inventory(HttpContext context, SimulatorState state)
    {
        var q = context.Request.Query;
        var zip = q["zip"].ToString();
        var code = q["modelYearCode"].ToString();
        var error = (string?)null;
        if (!TryInt(q["radius"], InventoryQuery.NationalRadius, out var radius) || radius < 0) error = InventoryErrors.InvalidParameter("radius", q["radius"]);
        if (!TryInt(q["pageNumber"], 1, out var pageNumber) || pageNumber < 1) error = InventoryErrors.InvalidParameter("pageNumber", q["pageNumber"]);
        if (!TryInt(q["pageSize"], 50, out var pageSize) || pageSize < 1) error = InventoryErrors.InvalidParameter("pageSize", q["pageSize"]);
        if (!state.Inventory.Dealers.TryLocateZip(zip, out _)) error = InventoryErrors.UnknownZip(zip);

        var dealerCodes = q["dealerCodes"].ToString();
        var query = new InventoryQuery(state.Date, string.IsNullOrEmpty(code) ? null : code, zip, radius, pageSize, string.IsNullOrEmpty(dealerCodes) ? null : dealerCodes);
        if (error is not null)
        {
            return FaultingResponder.RespondAsync(context, state, (body, _) => InventoryPageRenderer.WriteError(body, error));
        }

        var faults = state.Faults;
        var searchKey = $"{query.Date:yyyy-MM-dd}|{query.ModelYearCode}|{zip}|{radius}|{query.EffectivePageSize}|{string.Join(',', query.DealerCodeList)}";
        var shiftAfter = faults.RowShiftAfterPage;
        if (shiftAfter is not null && pageNumber == 1)
        {
            state.RowShifts.StartRead(searchKey);
        }
        return FaultingResponder.RespondAsync(context, state,
            (body, drift) =>
            {
                var selection = state.Inventory.Select(query)!;
                var rows = shiftAfter is { } after && state.RowShifts.IsShifted(searchKey)
                    ? ServedRows.Shifted(state.Inventory, selection, after, query.EffectivePageSize, faults.RowShiftKind, SimRandom.HashString(searchKey) ^ (ulong)faults.Seed)
                    : ServedRows.Unshifted(state.Inventory, selection);
                InventoryPageRenderer.WritePage(body, rows, pageNumber, query.EffectivePageSize, drift);
            },
            afterSuccess: shiftAfter == pageNumber ? () => state.RowShifts.MarkShifted(searchKey) : null,
            bodySizeHint: InventoryPageRenderer.TypicalPageBytes(query.EffectivePageSize));
    }

    private static Task DealerLocator(HttpContext context, SimulatorState state)
    {
        var q = context.Request.Query;
        TryInt(q["radius"], 150, out var radius);
        TryInt(q["resultsPerPage"], 999, out var perPage);
        TryInt(q["resultsPage"], 1, out var page);
        var brand = q["brandCode"].ToString();
        var query = new DealerLocatorQuery(q["zipCode"].ToString(), radius, string.IsNullOrEmpty(brand) ? "J" : brand, perPage, page);
        return FaultingResponder.RespondAsync(context, state, (body, _) => state.DealerLocator.Write(body, query));
    }

    private static Task DealerFeed(HttpContext context, SimulatorState state)
    {
        var q = context.Request.Query;
        var error = (string?)null;
        if (!TryInt(q["radius"], InventoryQuery.NationalRadius, out var radius) || radius < 0) error = InventoryErrors.InvalidParameter("radius", q["radius"]);
        if (!TryInt(q["page"], 1, out var page) || page < 1) error = InventoryErrors.InvalidParameter("page", q["page"]);
        if (!TryInt(q["pageSize"], DealerFeedQuery.DefaultPageSize, out var pageSize) || pageSize < 1) error = InventoryErrors.InvalidParameter("pageSize", q["pageSize"]);
        if (error is not null)
        {
            return FaultingResponder.RespondAsync(context, state, (body, _) => DealerFeedPageWriter.WriteError(body, DealerFeedPageWriter.InvalidParameter, error));
        }
        var brand = q["brand"].ToString();
        var query = new DealerFeedQuery(state.Date, q["zip"].ToString(), radius, brand.Length == 0 ? DealerFeedQuery.JeepBrand : brand, page, pageSize);
        return FaultingResponder.RespondAsync(context, state, (body, drift) => state.DealerFeed.WritePage(body, query, drift),
            bodySizeHint: DealerFeedPageWriter.TypicalPageBytes(query.EffectivePageSize));
    }

    private static Task Mercedes(HttpContext context, SimulatorState state, MercedesCondition condition)
    {
        var q = context.Request.Query;
        var distanceText = q["distance"].ToString();
        int? distance = int.TryParse(distanceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var miles) ? miles : null;
        TryInt(q["start"], 0, out var start);
        TryInt(q["count"], 12, out var count);
        var query = new MercedesQuery(state.Date, condition, q["zip"].ToString(), distance, start, count);
        return FaultingResponder.RespondAsync(context, state, (body, drift) => state.Mercedes.WritePage(body, query, drift));
    }

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(value))
        {
            result = fallback;
            return true;
        }
        return int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }

    private static Task WriteAdminJson<T>(HttpContext context, T value)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, AdminJson, context.RequestAborted);
    }
}
