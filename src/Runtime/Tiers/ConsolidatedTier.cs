using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Extraction;
using Ingest.Hashing;

namespace Ingest.Tiers;

/// <summary>
/// The consolidated tier's table: every key ever seen, with its latest values and its history, one partition a day
/// (see <see cref="ConsolidatedStage"/>). Its columns are the transformed table's (the entity's columns and
/// <c>_snapshot</c>) followed by four of its own.
/// </summary>
public static class ConsolidatedTier
{
    public const string DefaultNamespace = "consolidated";

    /// <summary>The first partition date the key was seen in the source.</summary>
    public const string FirstSeen = "first_seen";

    /// <summary>The last partition date the key was seen in the source: the partition's own date when it is active.</summary>
    public const string LastSeen = "last_seen";

    /// <summary>The partition date the key's values (its <c>_snapshot</c>) last differed from the day before it was seen.</summary>
    public const string LastChanged = "last_changed";

    /// <summary>Whether the key is in the source on the partition's date.</summary>
    public const string IsActive = "is_active";

    /// <summary>
    /// With several sources (<see cref="ConsolidatedStageOptions.OtherSources"/>): the names of the sources that had the
    /// key on the partition's date, in rank order; a carried key keeps the sources it was last seen in.
    /// </summary>
    public const string Sources = "_sources";

    /// <summary>The <see cref="Sources"/> field: <c>list&lt;utf8&gt;</c>, after the sources' columns.</summary>
    public static Field SourcesField { get; } = new(Sources, new ListType(new Field("item", StringType.Default, nullable: true)), nullable: true);

    /// <summary>The four history columns, in the order they follow the source's columns.</summary>
    public static IReadOnlyList<Field> HistoryFields { get; } =
    [
        new Field(FirstSeen, Date32Type.Default, nullable: false),
        new Field(LastSeen, Date32Type.Default, nullable: false),
        new Field(LastChanged, Date32Type.Default, nullable: false),
        new Field(IsActive, BooleanType.Default, nullable: false),
    ];

    /// <summary>The transformed table's schema for an entity: its columns, then <c>_snapshot</c>.</summary>
    public static Schema SourceSchema(EntityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var builder = new Schema.Builder();
        foreach (Field field in descriptor.Schema.FieldsList) builder.Field(field);
        builder.Field(SnapshotHasher.Field);
        return builder.Build();
    }

    /// <summary>The consolidated table's schema: the source's columns, then <see cref="HistoryFields"/>.</summary>
    public static Schema SchemaFor(Schema source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var builder = new Schema.Builder();
        foreach (Field field in source.FieldsList) builder.Field(field);
        foreach (Field field in HistoryFields) builder.Field(field);
        return builder.Build();
    }
}
