using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ingest.Generators;

/// <summary>
/// Compiles every <c>[Entity]</c> class into an Arrow schema and a one-pass JSON-to-Arrow extractor.
/// Source is emitted from the value-only spec alone, and diagnostics on a separate branch, so an edit that moves
/// a declaration without changing it does not re-emit the source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class EntityGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.EntityAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var specs = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.EntitySpecs);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .Where(static diagnostics => !diagnostics.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (output, spec) =>
            output.AddSource(Emitter.HintName(spec), Emitter.Emit(spec)));

        context.RegisterSourceOutput(diagnostics, static (output, infos) =>
        {
            foreach (var info in infos.Select(static i => i.ToDiagnostic())) output.ReportDiagnostic(info);
        });
    }
}
