namespace Ingest.Tables;

/// <summary>The steps of a partition commit, in order. Up to <see cref="Journaled"/> a crash rolls back (the old
/// partition stays); from <see cref="Journaled"/> on, the next open of the table finishes the swap.</summary>
public enum CommitStep
{
    /// <summary>Every part file is written and flushed in the staging folder.</summary>
    FilesWritten,

    /// <summary>The manifest is written in the staging folder.</summary>
    ManifestWritten,

    /// <summary>The commit record is durable: the commit point.</summary>
    Journaled,

    /// <summary>The previous partition was moved aside (two-rename swap only).</summary>
    PreviousMovedAside,

    /// <summary>The new partition is in place.</summary>
    Swapped,

    /// <summary>The staging folder and the previous partition are deleted.</summary>
    CleanedUp,
}
