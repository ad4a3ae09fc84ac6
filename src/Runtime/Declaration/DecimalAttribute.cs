namespace Ingest;

/// <summary>
/// Precision and scale of a <c>decimal</c> column (Arrow decimal128). Without it a decimal column is
/// decimal128(18, 2), the shape of money. A value with more fractional digits than the scale is rounded
/// half-to-even; one that does not fit the precision is a coercion failure.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DecimalAttribute(int precision, int scale) : Attribute
{
    public int Precision { get; } = precision;
    public int Scale { get; } = scale;
}
