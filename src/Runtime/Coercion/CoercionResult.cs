namespace Ingest;

/// <summary>What a coercer made of a raw value.</summary>
public enum CoercionResult
{
    /// <summary>The value was coerced; the out value holds it.</summary>
    Value,
    /// <summary>The value means "no value" (an empty string, <c>"N/A"</c>): the column gets null, nothing is reported.</summary>
    Null,
    /// <summary>The value cannot be coerced: the column gets null and the failure is counted with a sample.</summary>
    Failed,
}
