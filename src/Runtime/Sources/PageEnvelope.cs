using System.Buffers.Text;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace Ingest.Sources;

/// <summary>
/// Where an upstream's page keeps its records, its total count, its success flag and its error texts, as dotted
/// paths (<c>result.data.metadata.totalcount</c>); arrays on the way are walked element by element
/// (<c>result.errors.errorDesc</c> reads every error's text). <see cref="Read"/> walks a page once and skips
/// everything else, records included, without parsing them.
/// </summary>
public sealed class PageEnvelope
{
    private readonly Node _root = new("", []);
    private readonly byte[] _successValue;

    /// <param name="recordsPath">The records array, e.g. <c>result.data.vehicles</c>.</param>
    /// <param name="totalPaths">The total count, every spelling accepted (<c>...totalcount</c> and <c>...totalCount</c>).</param>
    /// <param name="statusPath">A value that equals <paramref name="successValue"/> on success (a string, or
    /// <c>true</c>/<c>false</c>); when present with any other value the page is the error envelope. Null: no such flag.</param>
    /// <param name="errorTextPaths">Strings to report when the page is the error envelope.</param>
    public PageEnvelope(string recordsPath, IReadOnlyList<string> totalPaths, string? statusPath, string successValue, IReadOnlyList<string> errorTextPaths)
    {
        RecordsPath = recordsPath;
        TotalPaths = totalPaths;
        StatusPath = statusPath;
        SuccessValue = successValue;
        _successValue = Encoding.UTF8.GetBytes(successValue);
        Add(recordsPath, Role.Records);
        foreach (var path in totalPaths)
        {
            Add(path, Role.Total);
        }
        if (statusPath is not null)
        {
            Add(statusPath, Role.Status);
        }
        foreach (var path in errorTextPaths)
        {
            Add(path, Role.ErrorText);
        }
    }

    public string RecordsPath { get; }

    public IReadOnlyList<string> TotalPaths { get; }

    public string? StatusPath { get; }

    public string SuccessValue { get; }

    /// <summary>Stellantis inventory: <c>{"result":{"result":"SUCCESS","errors":[{"errorDesc":..}],"data":{"metadata":{"totalcount":N},"vehicles":[..]}}}</c>.</summary>
    public static PageEnvelope StellantisInventory { get; } = new(
        "result.data.vehicles",
        ["result.data.metadata.totalcount", "result.data.metadata.totalCount"],
        "result.result",
        "SUCCESS",
        ["result.errors.errorDesc"]);

    /// <summary>Mercedes-Benz USA inventory: <c>{"result":{"pagedVehicles":{"records":[..],"paging":{"totalCount":N}}},"status":{"message":..},"success":true}</c>.</summary>
    public static PageEnvelope MercedesInventory { get; } = new(
        "result.pagedVehicles.records",
        ["result.pagedVehicles.paging.totalCount"],
        "success",
        "true",
        ["status.message"]);

    /// <summary>
    /// Stellantis dealer locator: <c>{"status":200,"dealer":[..]}</c>, or <c>{"error":..}</c> when no dealer matches (no
    /// records, not a failure). No total count: the source stops at the first short page.
    /// </summary>
    public static PageEnvelope StellantisDealers { get; } = new("dealer", [], statusPath: null, "", ["error"]);

    /// <summary>
    /// The dealer inventory feed: <c>{"feed":{"page":1,"pageSize":250,"totalItems":N},"items":[..]}</c>, or
    /// <c>{"error":{"code":..,"message":..}}</c> (an unknown zip, a bad parameter): any error code makes it the error envelope.
    /// </summary>
    public static PageEnvelope StellantisDealerFeed { get; } = new(
        "items",
        ["feed.totalItems", "feed.totalitems"],
        "error.code",
        "",
        ["error.message"]);

    /// <summary>Reads the page's envelope. A body that is not JSON (or has anything after its value) gives <see cref="PageSummary.IsValidJson"/> false.</summary>
    public PageSummary Read(ReadOnlySpan<byte> body) => Read(body, keyField: null, keys: null);

    /// <summary>
    /// Reads the envelope and, in the same pass, the string <paramref name="keyField"/> of each record object into
    /// <paramref name="keys"/>: the records are walked instead of skipped, which reads the same tokens. What is in
    /// <paramref name="keys"/> when the page turns out not to be JSON is not to be used.
    /// </summary>
    internal PageSummary Read(ReadOnlySpan<byte> body, byte[]? keyField, List<PageKey>? keys)
    {
        var bodyStart = 0;
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
            bodyStart = 3;
        }
        var state = new WalkState { KeyField = keyField, Keys = keys, BodyStart = bodyStart };
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
            if (!reader.Read())
            {
                return PageSummary.NotJson("the body is empty");
            }
            Walk(ref reader, _root, ref state);
            while (reader.Read())
            {
                // Anything after the page's value makes the reader throw.
            }
        }
        catch (JsonException e)
        {
            return PageSummary.NotJson(e.Message);
        }

        var isError = state.StatusSeen && !state.StatusOk;
        string? errorText = null;
        if (isError)
        {
            errorText = state.Errors is { Count: > 0 } errors
                ? string.Join("; ", errors)
                : $"{StatusPath} is {state.StatusText ?? "not " + SuccessValue}";
        }
        return new PageSummary(true, null, isError, errorText, state.Total, state.RecordsSeen ? state.Records : 0);
    }

    private void Walk(ref Utf8JsonReader reader, Node node, ref WalkState state)
    {
        switch (node.Role)
        {
            case Role.Records:
                state.RecordsSeen = true;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        state.Records++;
                        if (state.KeyField is null || reader.TokenType != JsonTokenType.StartObject)
                        {
                            reader.Skip();
                        }
                        else
                        {
                            ReadKey(ref reader, ref state);
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
                return;
            case Role.Total:
                state.Total ??= ReadCount(ref reader);
                return;
            case Role.Status:
                state.StatusSeen = true;
                state.StatusOk = reader.TokenType switch
                {
                    JsonTokenType.String => reader.ValueTextEquals(_successValue),
                    JsonTokenType.True => _successValue.AsSpan().SequenceEqual("true"u8),
                    JsonTokenType.False => _successValue.AsSpan().SequenceEqual("false"u8),
                    _ => false,
                };
                state.StatusText = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => "null",
                    _ => null,
                };
                reader.Skip();
                return;
            case Role.ErrorText when reader.TokenType == JsonTokenType.String:
                (state.Errors ??= []).Add(reader.GetString()!);
                return;
            case Role.ErrorText:
                reader.Skip();
                return;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var child = node.Find(ref reader);
                reader.Read();
                if (child is null)
                {
                    reader.Skip();
                }
                else
                {
                    Walk(ref reader, child, ref state);
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Walk(ref reader, node, ref state);
            }
        }
    }

    /// <summary>Walks one record object, keeping its key (a string) and skipping every other value.</summary>
    private static void ReadKey(ref Utf8JsonReader reader, ref WalkState state)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKey = reader.ValueTextEquals(state.KeyField);
            reader.Read();
            if (!isKey || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }
            var start = state.BodyStart + (int)reader.TokenStartIndex + 1;
            var length = reader.ValueSpan.Length;
            if (!reader.ValueIsEscaped)
            {
                state.Keys!.Add(new PageKey(XxHash3.HashToUInt64(reader.ValueSpan), start, length, Escaped: false));
                continue;
            }
            state.Keys!.Add(new PageKey(HashUnescaped(ref reader), start, length, Escaped: true));
        }
    }

    private static ulong HashUnescaped(ref Utf8JsonReader reader)
    {
        Span<byte> scratch = stackalloc byte[256];
        return XxHash3.HashToUInt64(reader.ValueSpan.Length <= scratch.Length
            ? scratch[..reader.CopyString(scratch)]
            : Encoding.UTF8.GetBytes(reader.GetString()!));
    }

    private static long? ReadCount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }
        reader.Skip();
        return null;
    }

    private void Add(string path, Role role)
    {
        var node = _root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var child = node.Children.Find(c => c.Name == segments[i] && (c.Role == Role.None) != last);
            if (child is null)
            {
                child = new Node(segments[i], []) { Role = last ? role : Role.None };
                node.Children.Add(child);
            }
            node = child;
        }
    }

    private enum Role
    {
        None,
        Records,
        Total,
        Status,
        ErrorText,
    }

    private sealed class Node(string name, List<Node> children)
    {
        private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(name);

        public string Name { get; } = name;

        public List<Node> Children { get; } = children;

        public Role Role { get; init; }

        public Node? Find(ref Utf8JsonReader reader)
        {
            foreach (var child in Children)
            {
                if (reader.ValueTextEquals(child._utf8))
                {
                    return child;
                }
            }
            return null;
        }
    }

    private struct WalkState
    {
        public byte[]? KeyField;
        public List<PageKey>? Keys;
        public int BodyStart;
        public bool RecordsSeen;
        public int Records;
        public long? Total;
        public bool StatusSeen;
        public bool StatusOk;
        public string? StatusText;
        public List<string>? Errors;
    }
}
