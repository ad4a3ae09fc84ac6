namespace Ingest.Simulator;

/// <summary>How a monetary amount is spelled in JSON: a number, <c>"48,995.00"</c>, or <c>"$48,995.00"</c>.</summary>
internal enum NumberSpelling : byte
{
    Number,
    Formatted,
    Currency,
}
