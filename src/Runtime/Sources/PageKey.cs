namespace Ingest.Sources;

/// <summary>
/// The string key of one record, read by <see cref="PageEnvelope"/> while it counts a page's records, for
/// <see cref="PageContinuityChecker"/>: the hash of its unescaped UTF-8 bytes, and where its raw text sits in the body,
/// which is read again only for the few keys reported as duplicates.
/// </summary>
/// <param name="Start">The first byte of the value after its opening quote, from the start of the body.</param>
/// <param name="Length">The value's raw (still escaped) length.</param>
internal readonly record struct PageKey(ulong Hash, int Start, int Length, bool Escaped);
