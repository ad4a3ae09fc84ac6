namespace Ingest.Sources;

/// <summary>A record key served on page <see cref="FirstPage"/> and again on <see cref="Page"/>.</summary>
public sealed record DuplicateKey(string Key, int FirstPage, int Page);
