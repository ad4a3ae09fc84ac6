namespace Ingest.Simulator;

/// <summary>One <c>properties[]</c> entry: <c>{name, value, header}</c>.</summary>
public sealed record MercedesProperty(string Name, string Value, string Header);
