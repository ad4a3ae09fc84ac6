namespace Ingest.Simulator;

/// <summary>How a drifted page differs from the documented shape.</summary>
public enum SchemaDriftKind
{
    None,
    /// <summary>Numbers sent as strings: <c>"modelYear":"2025"</c>, <c>"lat":"40.75"</c>, plain-string prices.</summary>
    NumberAsString,
    /// <summary>A documented field is left out of every record (<c>exteriorColorCode</c>; Mercedes: <c>modelName</c>; dealer feed: <c>exteriorColor</c>).</summary>
    MissingField,
    /// <summary>Undocumented fields are added to every record (<c>rebateEligibility</c>, <c>simUnexpected</c>).</summary>
    ExtraField,
    /// <summary>
    /// The envelope spells its total count the other way: inventory <c>metadata.totalCount</c> in camel case (as one
    /// public source does); dealer feed <c>feed.totalitems</c> in lower case.
    /// </summary>
    TotalCountCamelCase,
}
