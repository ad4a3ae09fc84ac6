namespace Ingest.Simulator;

/// <summary>
/// How one vehicle's values are spelled in JSON, independent of the values themselves: a null optional field is
/// either written as <c>null</c> or left out (a bit in <see cref="AbsentFields"/>), prices as numbers or strings,
/// non-ASCII text raw or as <c>\u00e9</c> escapes, the dealer zip with 5 or 9 digits.
/// </summary>
internal readonly record struct VehicleSpelling(
    NumberSpelling Prices,
    NumberSpelling IncentiveAmounts,
    uint AbsentFields,
    bool EscapeNonAscii,
    bool NineDigitZip,
    bool UsDeliveryDate)
{
    public bool IsAbsent(OptionalField field) => (AbsentFields & (1u << (int)field)) != 0;
}
