namespace Ingest;

/// <summary>How a PascalCase property name is spelled in JSON or as a column.</summary>
public enum NamingConvention
{
    /// <summary><c>DealerZipCode</c> → <c>dealerZipCode</c>.</summary>
    CamelCase,
    /// <summary><c>DealerZipCode</c> → <c>dealer_zip_code</c>.</summary>
    SnakeCase,
    /// <summary><c>DealerZipCode</c> → <c>DealerZipCode</c>.</summary>
    PascalCase,
    /// <summary><c>DealerZipCode</c> → <c>dealerzipcode</c>.</summary>
    LowerCase,
}
