namespace Ingest.Simulator;

/// <summary>How rows move between pages during a paginated read.</summary>
public enum RowShiftKind
{
    /// <summary>A vehicle arrives before the reader's position: later rows move down one place, so one row is served twice.</summary>
    Insertion,
    /// <summary>A vehicle already read is sold: later rows move up one place, so one row is never served.</summary>
    Removal,
}
