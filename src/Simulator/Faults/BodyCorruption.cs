namespace Ingest.Simulator;

/// <summary>Damages a rendered body the way a flaky upstream does: cut short, or made syntactically invalid.</summary>
public static class BodyCorruption
{
    /// <summary>The length to keep: between 20% and 90% of the body, so the JSON is always cut short.</summary>
    public static int TruncatedLength(int length, ulong entropy) =>
        Math.Max(1, (int)(length * (0.2 + 0.7 * ((entropy >> 11) * (1.0 / (1UL << 53))))));

    /// <summary>Removes one comma between two members, somewhere past the start of the body; returns the new length.</summary>
    public static int Malform(Span<byte> body, ulong entropy)
    {
        var start = (int)(entropy % (ulong)Math.Max(1, body.Length / 2));
        var index = body[start..].IndexOf(",\""u8);
        if (index < 0)
        {
            index = body.IndexOf(",\""u8);
            start = 0;
        }
        if (index < 0)
        {
            // Not an object with members: an unterminated document is malformed too.
            return Math.Max(0, body.Length - 1);
        }
        var at = start + index;
        body[(at + 1)..].CopyTo(body[at..]);
        return body.Length - 1;
    }
}
