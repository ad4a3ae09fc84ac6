using Apache.Arrow;
using Ingest.Columns;

namespace Ingest.Runtime.Tests.Entities;

/// <summary>A user's own coercer and transform, called by the generated code like the built-in ones.</summary>
[Entity("custom_records", Records = "items")]
public sealed partial class CustomRecord
{
    [Coerce<Percent>]
    public double? Apr { get; init; }

    public string? Trim { get; init; }

    [Transform<Reverse>(nameof(Trim))]
    public string? Reversed { get; init; }
}

/// <summary>"3.9%" → 0.039; a number without the sign is already a fraction; "-" means no value.</summary>
public sealed class Percent : ICoercer<double>
{
    public static CoercionResult Coerce(JsonScalar value, out double result)
    {
        result = 0;
        ReadOnlySpan<byte> text = value.Utf8;
        if (text.SequenceEqual("-"u8)) return CoercionResult.Null;
        bool percent = text.EndsWith("%"u8);
        if (percent) text = text[..^1];
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out result)) return CoercionResult.Failed;
        if (percent) result /= 100;
        return CoercionResult.Value;
    }
}

/// <summary>The text backwards (ASCII), null stays null.</summary>
public sealed class Reverse : ITransform<StringArray, StringColumnBuffer>
{
    public static void Apply(StringArray input, string? argument, StringColumnBuffer output)
    {
        for (int row = 0; row < input.Length; row++)
        {
            if (input.IsNull(row))
            {
                output.AppendNull();
                continue;
            }
            ReadOnlySpan<byte> value = input.GetBytes(row);
            Span<byte> target = output.Reserve(value.Length);
            value.CopyTo(target);
            target.Reverse();
            output.CommitReserved(value.Length);
        }
    }
}
