namespace Ingest.Simulator;

/// <summary>How a drifted page differs from the documented shape.</summary>
public enum SchemaDriftKind
{
    None,
    /// <summary>Numbers sent as strings: <c>"modelYear":"2025"</c>, <c>"lat":"40.75"</c>, plain-string prices.</summary>
    NumberAsString,
    /// <summary>A documented field is left out of every record (<c>exteriorColorCode</c>; Mercedes: <c>modelName</c>).</summary>
    MissingField,
    /// <summary>Undocumented fields are added to every record (<c>rebateEligibility</c>, <c>simUnexpected</c>).</summary>
    ExtraField,
    /// <summary>The envelope spells <c>metadata.totalCount</c> in camel case (as one public source does).</summary>
    TotalCountCamelCase,
}
