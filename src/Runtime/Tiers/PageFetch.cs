using Ingest.Sources;

namespace Ingest.Tiers;

/// <summary>
/// Yields the pages of one sub-resource in page order, failed pages included (<see cref="PagedHttpSource.FetchAsync"/>
/// is one; tests and other sources can supply their own).
/// </summary>
public delegate IAsyncEnumerable<RawPage> PageFetch(SubResource subResource, CancellationToken cancellationToken);
