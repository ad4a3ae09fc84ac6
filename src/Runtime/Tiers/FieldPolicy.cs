namespace Ingest.Tiers;

/// <summary>How the consolidated stage picks a column's value when more than one of its sources has the row's key.</summary>
public enum FieldPolicyKind
{
    /// <summary>The value of the highest-ranked source that has the key, null or not.</summary>
    SourceRank,

    /// <summary>The first non-null value, sources taken in rank order.</summary>
    FirstNonNull,

    /// <summary>The non-null value whose source row is the most recent by its as-of column; ties go by rank.</summary>
    Latest,

    /// <summary>One named source's value when it has the key, null or not; otherwise as <see cref="SourceRank"/>.</summary>
    Prefer,

    /// <summary>As <see cref="FirstNonNull"/>; when no source has a value today, the value the key had in the history.</summary>
    LastKnown,
}

/// <summary>
/// A column's merge rule in a consolidated table (<see cref="ConsolidatedStageOptions.FieldPolicies"/>): which source's
/// value it takes when several sources have the row's key (<see cref="ConsolidatedStageOptions.OtherSources"/>), or
/// whether the history's value stands in for today's null (<see cref="LastKnown"/>, with one source too). A column
/// without one follows <see cref="SourceRank"/>. A key no source has today is carried from the history as it was.
/// </summary>
public sealed record FieldPolicy
{
    private FieldPolicy(FieldPolicyKind kind, string? argument)
    {
        Kind = kind;
        Argument = argument;
    }

    public FieldPolicyKind Kind { get; }

    /// <summary>The as-of column of <see cref="FieldPolicyKind.Latest"/>, or the source of <see cref="FieldPolicyKind.Prefer"/>.</summary>
    public string? Argument { get; }

    /// <summary>The highest-ranked source with the key decides, even with a null: the default.</summary>
    public static FieldPolicy SourceRank { get; } = new(FieldPolicyKind.SourceRank, null);

    /// <summary>A lower-ranked source fills in where the higher ones have the key but no value.</summary>
    public static FieldPolicy FirstNonNull { get; } = new(FieldPolicyKind.FirstNonNull, null);

    /// <summary>
    /// The most recent non-null value: each source that has the column must have <paramref name="asOfColumn"/>, a
    /// timestamp or date column saying when its row was true (e.g. <c>last_updated</c>); a row whose as-of is null is
    /// older than any other; ties go by rank.
    /// </summary>
    public static FieldPolicy Latest(string asOfColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asOfColumn);
        return new(FieldPolicyKind.Latest, asOfColumn);
    }

    /// <summary>The named source decides when it has the key (even with a null); otherwise the rank does.</summary>
    public static FieldPolicy Prefer(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new(FieldPolicyKind.Prefer, source);
    }

    /// <summary>
    /// The first non-null value today, sources in rank order; when none has one, the value the key had in the history
    /// (the consolidated partition before the date), so a field a source leaves out now and then keeps its last value.
    /// </summary>
    public static FieldPolicy LastKnown { get; } = new(FieldPolicyKind.LastKnown, null);

    public override string ToString() => Kind switch
    {
        FieldPolicyKind.LastKnown => "last known",
        FieldPolicyKind.Latest => $"latest by {Argument}",
        FieldPolicyKind.Prefer => $"prefer {Argument}",
        FieldPolicyKind.FirstNonNull => "first non-null",
        _ => "source rank",
    };
}
