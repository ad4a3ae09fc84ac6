using Ingest.Generators.Helpers;

namespace Ingest.Generators.Model;

/// <summary>What the parser made of one entity declaration: a spec when it is sound, and its diagnostics.</summary>
internal sealed record ParseResult(EntitySpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
