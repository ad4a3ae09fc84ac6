namespace Ingest.Simulator;

/// <summary>One <c>monthlyPaymentInfo[]</c> entry; <see cref="Apr"/> is null for leases.</summary>
public sealed record MercedesPayment(string Type, decimal Amount, int Term, decimal? Apr);
