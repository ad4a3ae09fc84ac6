using Apache.Arrow;

namespace Ingest;

/// <summary>
/// What the generator adds to every <see cref="EntityAttribute"/> class, so pipeline code can be generic over
/// entities: <c>TEntity.CreateExtractor()</c>, with no reflection.
/// </summary>
public interface IEntity
{
    /// <summary>The table, records path, key and columns the declaration compiled to.</summary>
    static abstract EntityDescriptor Descriptor { get; }

    /// <summary>The Arrow schema of the entity's batches (the same instance as <c>Descriptor.Schema</c>).</summary>
    static abstract Schema ArrowSchema { get; }

    /// <summary>A new extractor; it is not thread-safe, so use one per stream of pages.</summary>
    static abstract Extraction.EntityExtractor CreateExtractor(int batchSize = Extraction.EntityExtractor.DefaultBatchSize);
}
