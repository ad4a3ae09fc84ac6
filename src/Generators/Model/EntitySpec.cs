using Ingest.Generators.Helpers;

namespace Ingest.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one entity's schema and extractor.
/// </summary>
/// <remarks>
/// The model holds values only (strings, enums, numbers and <see cref="EquatableArray{T}"/>), never an
/// <c>ISymbol</c>, <c>SyntaxNode</c>, <c>Location</c> or <c>Compilation</c>, so the incremental pipeline can
/// compare it between runs and skip emitting when nothing the output depends on changed. Type names are
/// <c>global::</c>-qualified strings.
/// </remarks>
internal sealed record EntitySpec(
    string Namespace,
    string TypeName,
    string Table,
    string RecordsPath,
    EquatableArray<string> Key,
    EquatableArray<ColumnSpec> Columns);
