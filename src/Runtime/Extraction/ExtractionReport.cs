namespace Ingest.Extraction;

/// <summary>
/// What happened while one batch was extracted: values that could not be coerced (counted per column with a few
/// samples), fields the entity does not declare, pages that were not valid JSON (kept whole for quarantine) and
/// pages with no records where the entity expects them.
/// </summary>
public sealed record ExtractionReport
{
    public required int Rows { get; init; }

    public required int Pages { get; init; }

    /// <summary>Array elements at the records path that were not objects (null, numbers): skipped, counted here.</summary>
    public int SkippedRecords { get; init; }

    public IReadOnlyList<ColumnFailures> Failures { get; init; } = [];

    public IReadOnlyList<UnknownField> UnknownFields { get; init; } = [];

    public IReadOnlyList<InvalidPage> InvalidPages { get; init; } = [];

    /// <summary>Labels of pages that parsed but had nothing at the records path (an error envelope, say).</summary>
    public IReadOnlyList<string> PagesWithoutRecords { get; init; } = [];

    public int FailureCount => Failures.Sum(f => f.Count);

    public bool IsClean => Failures.Count == 0 && InvalidPages.Count == 0 && PagesWithoutRecords.Count == 0 && SkippedRecords == 0;

    public static ExtractionReport Empty { get; } = new() { Rows = 0, Pages = 0 };
}

/// <summary>The values of one column that could not be coerced: how many, and the first few.</summary>
public sealed record ColumnFailures(string Column, int Count, IReadOnlyList<FailureSample> Samples);

/// <summary>One value that could not be coerced: the row in its batch, the raw text, and the page it came from.</summary>
public sealed record FailureSample(int Row, string RawText, string? Page);

/// <summary>A JSON field the entity does not declare, by dotted path from the record, with how often it was seen.</summary>
public sealed record UnknownField(string Path, int Count);

/// <summary>A page that is not valid JSON: its bytes, kept whole for quarantine, and why it failed.</summary>
public sealed record InvalidPage(string? Page, string Reason, ReadOnlyMemory<byte> Bytes);
