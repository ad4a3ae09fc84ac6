using Ingest.Entities.Mercedes;
using Ingest.Entities.Stellantis;
using Ingest.Extraction;

namespace Ingest.Runner;

/// <summary>The entities this build of the runner knows, by table name.</summary>
public static class EntityCatalog
{
    public sealed record Entry(EntityDescriptor Descriptor, Func<int, EntityExtractor> CreateExtractor);

    public static IReadOnlyList<Entry> All { get; } =
    [
        Of<StellantisVehicle>(),
        Of<StellantisDealer>(),
        Of<MercedesVehicle>(),
    ];

    private static Entry Of<TEntity>() where TEntity : IEntity =>
        new(TEntity.Descriptor, batchSize => TEntity.CreateExtractor(batchSize));
}
