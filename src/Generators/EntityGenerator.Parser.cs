using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Ingest.Generators.Helpers;
using Ingest.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ingest.Generators;

public sealed partial class EntityGenerator
{
    /// <summary>Turns an <c>[Entity]</c> class into an <see cref="EntitySpec"/> and its diagnostics.</summary>
    internal static class Parser
    {
        /// <summary>The members the emitter adds to every entity class.</summary>
        private static readonly string[] GeneratedMembers = ["Descriptor", "ArrowSchema", "CreateExtractor", "Extractor"];

        private const int DefaultPrecision = 18;
        private const int DefaultScale = 2;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var syntax = (TypeDeclarationSyntax)context.TargetNode;
            AttributeData entity = context.Attributes[0];
            var diagnostics = new List<DiagnosticInfo>();

            if (syntax is RecordDeclarationSyntax)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EntityMustBeClass, syntax.Identifier.GetLocation(), type.Name));
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
            }

            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EntityMustBePartial, syntax.Identifier.GetLocation(), type.Name));
            if (type.ContainingType is not null || type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EntityMustBeTopLevel, syntax.Identifier.GetLocation(),
                    type.Name, type.ContainingType?.Name ?? type.Name + "<...>"));

            string table = entity.ConstructorArguments.FirstOrDefault().Value as string ?? Naming.ToSnakeCase(type.Name);
            string? records = NamedArgument<string>(entity, "Records");
            string[] keys = NamedArrayArgument(entity, "Key");
            int jsonNaming = NamedArgument<int?>(entity, "JsonNaming") ?? Naming.CamelCase;
            int columnNaming = NamedArgument<int?>(entity, "ColumnNaming") ?? Naming.SnakeCase;
            Location? entityLocation = entity.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

            if (string.IsNullOrWhiteSpace(records))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingRecordsPath, entityLocation, type.Name));
            else if (records != "$" && !IsPlainPath(records!, out string? recordsError))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPath, entityLocation, records!, type.Name + ".Records", recordsError!));

            var columns = new List<ColumnSpec>();
            var locations = new Dictionary<string, Location?>();
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, IsImplicitlyDeclared: false } property) continue;
                locations[property.Name] = property.Locations.FirstOrDefault();
                if (GeneratedMembers.Contains(property.Name))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameIsGenerated, property.Locations.FirstOrDefault(),
                        property.Name, string.Join(", ", GeneratedMembers), Naming.Apply(property.Name, jsonNaming)));
                    continue;
                }
                ColumnSpec? column = ParseProperty(property, jsonNaming, columnNaming, diagnostics, cancellationToken);
                if (column is not null) columns.Add(column);
            }

            CheckColumnNames(columns, locations, diagnostics);
            CheckTransforms(type, columns, locations, diagnostics, cancellationToken);

            var keyColumns = new List<string>();
            foreach (string key in keys)
            {
                ColumnSpec? column = columns.FirstOrDefault(c => c.Property == key);
                if (column is null && !locations.ContainsKey(key))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeyIsNotAProperty, entityLocation, key, type.Name));
                else if (column is not null && (ColumnKinds.IsNested(column.Kind) || ColumnKinds.IsList(column.Kind)))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeyMustBeScalar, entityLocation, key, type.Name,
                        column.Kind == ColumnKind.Struct ? "struct" : "list"));
                else if (column is not null) keyColumns.Add(column.Column);
            }

            bool sound = !diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            EntitySpec? spec = sound
                ? new EntitySpec(
                    type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
                    type.Name,
                    table,
                    records!,
                    new EquatableArray<string>(keyColumns),
                    new EquatableArray<ColumnSpec>(columns))
                : null;
            // Distinct: a nested record used by several properties reports its own problems once.
            return new ParseResult(spec, new EquatableArray<DiagnosticInfo>(diagnostics.Distinct()));
        }

        private static ColumnSpec? ParseProperty(IPropertySymbol property, int jsonNaming, int columnNaming, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            Location? location = property.Locations.FirstOrDefault();
            if (!TryGetKind(property.Type, out ColumnKind kind, out ITypeSymbol? valueType))
            {
                if (NestedRecordOf(property.Type, out bool isList) is not INamedTypeSymbol nestedRecord)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedPropertyType, location,
                        property.Name, property.Type.ToDisplayString()));
                    return null;
                }
                kind = isList ? ColumnKind.StructList : ColumnKind.Struct;
                valueType = nestedRecord;
            }

            string? alias = null, path = null, column = null;
            AttributeData? defaultAttribute = null, decimalAttribute = null;
            var coercers = new List<(INamedTypeSymbol Type, Location? Location)>();
            (INamedTypeSymbol Type, string Input, string? Argument, Location? Location)? transform = null;

            foreach (AttributeData attribute in property.GetAttributes())
            {
                INamedTypeSymbol? attributeClass = attribute.AttributeClass;
                if (attributeClass is null) continue;
                Location? attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
                switch (MetadataName(attributeClass.OriginalDefinition))
                {
                    case TypeNames.AliasAttribute:
                        alias = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
                        break;
                    case TypeNames.PathAttribute:
                        path = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
                        break;
                    case TypeNames.ColumnAttribute:
                        column = attribute.ConstructorArguments.FirstOrDefault().Value as string;
                        break;
                    case TypeNames.DefaultAttribute:
                        defaultAttribute = attribute;
                        break;
                    case TypeNames.DecimalAttribute:
                        decimalAttribute = attribute;
                        break;
                    case TypeNames.CoerceAttribute when attributeClass.TypeArguments[0] is INamedTypeSymbol coercer:
                        coercers.Add((coercer, attributeLocation));
                        break;
                    case TypeNames.TransformAttribute when attributeClass.TypeArguments[0] is INamedTypeSymbol transformType:
                        transform = (transformType,
                            attribute.ConstructorArguments.ElementAtOrDefault(0).Value as string ?? "",
                            attribute.ConstructorArguments.ElementAtOrDefault(1).Value as string,
                            attributeLocation);
                        break;
                }
            }

            bool valid = true;
            int precision = DefaultPrecision, scale = DefaultScale;
            if (decimalAttribute is not null)
            {
                precision = decimalAttribute.ConstructorArguments.ElementAtOrDefault(0).Value as int? ?? 0;
                scale = decimalAttribute.ConstructorArguments.ElementAtOrDefault(1).Value as int? ?? -1;
                if (precision is < 1 or > 38 || scale < 0 || scale > precision)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDecimal, Where(decimalAttribute, location, cancellationToken),
                        precision.ToString(CultureInfo.InvariantCulture), scale.ToString(CultureInfo.InvariantCulture), property.Name));
                    valid = false;
                }
            }

            EquatableArray<PathSegment> segments = EquatableArray<PathSegment>.Empty;
            if (transform is null)
            {
                string source = path ?? alias ?? Naming.Apply(property.Name, jsonNaming);
                if (path is not null)
                {
                    if (!TryParsePath(path, out segments, out string? error))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPath, location, path, property.Name, error!));
                        valid = false;
                    }
                    else if (ColumnKinds.IsNested(kind) && segments.Any(s => s.IsSelection || s.IsProjection))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPath, location, path, property.Name,
                            kind == ColumnKind.Struct
                                ? "a struct column's path leads to one object, so it takes dotted names only"
                                : "a list of structs' path leads to the list, so it takes dotted names only"));
                        valid = false;
                    }
                    else if (segments.Any(s => s.IsProjection) && !ColumnKinds.IsList(kind))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPath, location, path, property.Name,
                            "a [*] projection takes one value from every element, so the property must be a list (T[], List<T> or IReadOnlyList<T>)"));
                        valid = false;
                    }
                }
                else if (source.Length == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPath, location, source, property.Name, "an alias cannot be empty"));
                    valid = false;
                }
                else segments = new EquatableArray<PathSegment>([new PathSegment(source, null, null)]);
            }

            var coercerNames = new List<string>();
            foreach ((INamedTypeSymbol coercer, Location? coercerLocation) in coercers)
            {
                string? problem = transform is not null
                    ? "a computed column takes no coercer; coerce its input instead"
                    : ColumnKinds.IsNested(kind)
                        ? "a struct column takes no coercer; coerce its fields in the nested record instead"
                        : CoercerProblem(coercer, kind, valueType!, coercers.Count);
                if (problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CoercerDoesNotFit, coercerLocation,
                        coercer.ToDisplayString(), property.Name, property.Type.ToDisplayString(), problem));
                    valid = false;
                }
                coercerNames.Add(coercer.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }

            string? defaultLiteral = null;
            if (defaultAttribute is not null)
            {
                TypedConstant value = defaultAttribute.ConstructorArguments.FirstOrDefault();
                defaultLiteral = DefaultLiteral(kind, value, out string? problem);
                if (defaultLiteral is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DefaultDoesNotFit, Where(defaultAttribute, location, cancellationToken),
                        value.IsNull ? "null" : value.ToCSharpString(), property.Name, property.Type.ToDisplayString(), problem!));
                    valid = false;
                }
            }

            EquatableArray<ColumnSpec> fields = default;
            if (ColumnKinds.IsNested(kind) && transform is null)
            {
                fields = ParseNestedRecord((INamedTypeSymbol)valueType!, location, jsonNaming, columnNaming, diagnostics, cancellationToken, out bool fieldsValid);
                valid &= fieldsValid;
            }

            if (!valid) return null;
            return new ColumnSpec(
                property.Name,
                column ?? Naming.Apply(property.Name, columnNaming),
                kind,
                precision,
                scale,
                segments,
                new EquatableArray<string>(coercerNames),
                defaultLiteral,
                transform is { } t ? new TransformSpec(t.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), t.Input, t.Argument) : null,
                fields);
        }

        /// <summary>The fields of a struct column: the nested record's properties, declared as an entity's are.</summary>
        private static EquatableArray<ColumnSpec> ParseNestedRecord(INamedTypeSymbol record, Location? structLocation,
            int jsonNaming, int columnNaming, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out bool valid)
        {
            valid = true;
            var fields = new List<ColumnSpec>();
            var locations = new Dictionary<string, Location?>();
            foreach (ISymbol member in record.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, IsImplicitlyDeclared: false } property) continue;
                Location? location = property.Locations.FirstOrDefault();
                locations[property.Name] = location;
                if (NestedRecordOf(property.Type, out _) is not null)
                {
                    // Checked before parsing: a record that holds itself would otherwise be parsed without end.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNestedRecordField, location, record.Name,
                        $"cannot hold '{property.Name}': a nested record cannot hold another; declare it as a struct column of the entity"));
                    valid = false;
                    continue;
                }
                int before = diagnostics.Count;
                ColumnSpec? field = ParseProperty(property, jsonNaming, columnNaming, diagnostics, cancellationToken);
                string? problem = field is { IsComputed: true } ? "a computed column is declared on the entity, from the field's column" : null;
                if (problem is not null)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNestedRecordField, location, record.Name, $"cannot hold '{property.Name}': {problem}"));
                if (field is null || problem is not null || diagnostics.Count > before) valid = false;
                else fields.Add(field);
            }
            if (fields.Count == 0 && valid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNestedRecordField, structLocation, record.Name,
                    "has no properties to store; give it at least one, or remove the property"));
                valid = false;
            }
            int duplicates = diagnostics.Count;
            CheckColumnNames(fields, locations, diagnostics);
            valid &= diagnostics.Count == duplicates;
            return new EquatableArray<ColumnSpec>(fields);
        }

        /// <summary>The <c>[NestedRecord]</c> class a property holds, itself or as a list's items (<paramref name="isList"/>); else null.</summary>
        private static INamedTypeSymbol? NestedRecordOf(ITypeSymbol type, out bool isList)
        {
            INamedTypeSymbol? record = NestedRecord(type);
            isList = record is null && ListItem(Unwrap(type)) is ITypeSymbol item && (record = NestedRecord(item)) is not null;
            return record;
        }

        private static INamedTypeSymbol? NestedRecord(ITypeSymbol type) =>
            Unwrap(type) is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            && named.GetAttributes().Any(a => a.AttributeClass is { } attribute && MetadataName(attribute) == TypeNames.NestedRecordAttribute)
                ? named
                : null;

        private static void CheckColumnNames(List<ColumnSpec> columns, Dictionary<string, Location?> locations, List<DiagnosticInfo> diagnostics)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (ColumnSpec column in columns)
            {
                if (seen.TryGetValue(column.Column, out string? first))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateColumn, locations[column.Property], first, column.Property, column.Column));
                else seen.Add(column.Column, column.Property);
            }
        }

        private static void CheckTransforms(INamedTypeSymbol type, List<ColumnSpec> columns, Dictionary<string, Location?> locations, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            foreach (ColumnSpec column in columns)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (column.Transform is not TransformSpec transform) continue;
                ColumnSpec? input = columns.FirstOrDefault(c => c.Property == transform.InputProperty && !c.IsComputed);
                if (input is null)
                {
                    string example = columns.FirstOrDefault(c => !c.IsComputed)?.Property ?? "SomeProperty";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TransformInputNotAColumn, locations[column.Property],
                        transform.InputProperty, column.Property, type.Name, example));
                    continue;
                }

                string arrayType = ColumnKinds.ArrayType(input.Kind);
                string bufferType = ColumnKinds.BufferType(column.Kind);
                INamedTypeSymbol? transformType = FindType(type, transform.Type);
                bool fits = transformType is not null && transformType.AllInterfaces.Any(i =>
                    MetadataName(i.OriginalDefinition) == TypeNames.TransformInterface
                    && i.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == arrayType
                    && i.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == bufferType);
                if (!fits)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TransformDoesNotFit, locations[column.Property],
                        transform.Type.Replace("global::", ""), column.Property, Short(arrayType), Short(bufferType), input.Property));
            }
        }

        private static INamedTypeSymbol? FindType(INamedTypeSymbol entity, string fullyQualifiedName)
        {
            foreach (AttributeData attribute in entity.GetMembers().OfType<IPropertySymbol>().SelectMany(p => p.GetAttributes()))
            {
                if (attribute.AttributeClass is { IsGenericType: true } attributeClass
                    && attributeClass.TypeArguments[0] is INamedTypeSymbol argument
                    && argument.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == fullyQualifiedName)
                    return argument;
            }
            return null;
        }

        private static string Short(string globalName)
        {
            string name = globalName.Replace("global::", "");
            return name.Replace("Apache.Arrow.", "").Replace("Ingest.Columns.", "");
        }

        private static string? CoercerProblem(INamedTypeSymbol coercer, ColumnKind kind, ITypeSymbol valueType, int coercerCount)
        {
            if (ColumnKinds.ItemKind(kind) == ColumnKind.String)
            {
                return coercer.AllInterfaces.Any(i => MetadataName(i) == TypeNames.StringCoercerInterface)
                    ? null
                    : "a string property takes coercers that implement IStringCoercer";
            }
            if (coercerCount > 1) return "a non-string property takes a single coercer";
            bool fits = coercer.AllInterfaces.Any(i =>
                MetadataName(i.OriginalDefinition) == TypeNames.CoercerInterface
                && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], valueType));
            return fits ? null : $"it does not implement ICoercer<{valueType.ToDisplayString()}>";
        }

        /// <summary>Maps a property type to its column kind; <paramref name="valueType"/> is what a coercer must produce.</summary>
        private static bool TryGetKind(ITypeSymbol type, out ColumnKind kind, out ITypeSymbol? valueType)
        {
            valueType = Unwrap(type);
            if (TryGetScalarKind(valueType, out kind)) return true;

            if (ListItem(valueType) is ITypeSymbol item)
            {
                valueType = Unwrap(item);
                if (TryGetScalarKind(valueType, out ColumnKind itemKind))
                {
                    kind = itemKind switch
                    {
                        ColumnKind.String => ColumnKind.StringList,
                        ColumnKind.Int32 => ColumnKind.Int32List,
                        ColumnKind.Int64 => ColumnKind.Int64List,
                        ColumnKind.Double => ColumnKind.DoubleList,
                        ColumnKind.Decimal => ColumnKind.DecimalList,
                        ColumnKind.Boolean => ColumnKind.BooleanList,
                        ColumnKind.Date => ColumnKind.DateList,
                        ColumnKind.Timestamp => ColumnKind.TimestampList,
                        _ => (ColumnKind)(-1),
                    };
                    return (int)kind >= 0;
                }
            }
            kind = default;
            return false;
        }

        private static bool TryGetScalarKind(ITypeSymbol type, out ColumnKind kind)
        {
            kind = type.SpecialType switch
            {
                SpecialType.System_String => ColumnKind.String,
                SpecialType.System_Int32 => ColumnKind.Int32,
                SpecialType.System_Int64 => ColumnKind.Int64,
                SpecialType.System_Double => ColumnKind.Double,
                SpecialType.System_Decimal => ColumnKind.Decimal,
                SpecialType.System_Boolean => ColumnKind.Boolean,
                _ => (ColumnKind)(-1),
            };
            if ((int)kind >= 0) return true;
            string name = type.ToDisplayString();
            if (name == "System.DateOnly") kind = ColumnKind.Date;
            else if (name == "System.DateTimeOffset") kind = ColumnKind.Timestamp;
            return (int)kind >= 0;
        }

        /// <summary>The item type of an array or list type, or null.</summary>
        private static ITypeSymbol? ListItem(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named when IsListType(named) => named.TypeArguments[0],
            _ => null,
        };

        private static ITypeSymbol Unwrap(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static bool IsListType(INamedTypeSymbol type) => type.OriginalDefinition.ToDisplayString() switch
        {
            "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.IReadOnlyList<T>"
                or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                or "System.Collections.Generic.ICollection<T>" or "System.Collections.Immutable.ImmutableArray<T>" => true,
            _ => false,
        };

        /// <summary>A C# expression for the default of a <paramref name="kind"/> column, or null with the reason.</summary>
        private static string? DefaultLiteral(ColumnKind kind, TypedConstant value, out string? problem)
        {
            problem = null;
            object? raw = value.IsNull ? null : value.Value;
            switch (kind)
            {
                case ColumnKind.String when raw is string text:
                    return SymbolDisplay.FormatLiteral(text, quote: true) + "u8";
                case ColumnKind.Int32 when raw is int or short or byte or sbyte or ushort:
                    return Convert.ToInt32(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case ColumnKind.Int64 when raw is int or long or short or byte or sbyte or ushort or uint:
                    return Convert.ToInt64(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L";
                case ColumnKind.Double when raw is double or float or int or long:
                    return Convert.ToDouble(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";
                case ColumnKind.Decimal when raw is double or float or int or long:
                    return Convert.ToDecimal(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "m";
                case ColumnKind.Decimal when raw is string text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed):
                    return parsed.ToString(CultureInfo.InvariantCulture) + "m";
                case ColumnKind.Boolean when raw is bool flag:
                    return flag ? "true" : "false";
                case ColumnKind.Date when raw is string text && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date):
                    return $"new global::System.DateOnly({date.Year}, {date.Month}, {date.Day})";
                case ColumnKind.Timestamp when raw is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp):
                    return $"new global::System.DateTimeOffset({timestamp.UtcTicks}L, global::System.TimeSpan.Zero)";
            }
            problem = ColumnKinds.IsNested(kind)
                ? "struct columns take no default; give their fields defaults in the nested record"
                : ColumnKinds.IsList(kind)
                ? "list columns take no default"
                : kind is ColumnKind.Date or ColumnKind.Timestamp
                    ? "write it as an ISO string such as \"2025-01-31\""
                    : $"give a {ColumnKinds.ValueType(kind)} constant";
            return null;
        }

        /// <summary>Dotted names without selections: the records path.</summary>
        private static bool IsPlainPath(string path, out string? error)
        {
            if (!TryParsePath(path, out EquatableArray<PathSegment> segments, out error)) return false;
            if (segments.Any(s => s.IsSelection || s.IsProjection))
            {
                error = "the records path cannot select from or project a list";
                return false;
            }
            return true;
        }

        /// <summary>
        /// Parses <c>a.b</c>, <c>list[key=value].field</c> and <c>list[*].field</c>; a selection or projection must be
        /// followed by exactly one field.
        /// </summary>
        internal static bool TryParsePath(string path, out EquatableArray<PathSegment> segments, out string? error)
        {
            segments = EquatableArray<PathSegment>.Empty;
            error = null;
            if (string.IsNullOrWhiteSpace(path))
            {
                error = "it is empty";
                return false;
            }

            var parts = new List<string>();
            int depth = 0, start = 0;
            for (int i = 0; i < path.Length; i++)
            {
                if (path[i] == '[') depth++;
                else if (path[i] == ']') depth--;
                else if (path[i] == '.' && depth == 0)
                {
                    parts.Add(path.Substring(start, i - start));
                    start = i + 1;
                }
                if (depth is < 0 or > 1)
                {
                    error = "its brackets do not pair";
                    return false;
                }
            }
            if (depth != 0)
            {
                error = "a '[' is not closed";
                return false;
            }
            parts.Add(path.Substring(start));

            var result = new List<PathSegment>();
            for (int i = 0; i < parts.Count; i++)
            {
                string part = parts[i];
                if (part.Length == 0)
                {
                    error = "it has an empty name between dots";
                    return false;
                }
                int open = part.IndexOf('[');
                if (open < 0)
                {
                    if (part.IndexOf(']') >= 0)
                    {
                        error = $"'{part}' has a ']' without '['";
                        return false;
                    }
                    result.Add(new PathSegment(part, null, null));
                    continue;
                }

                if (open > 0 && part.Substring(open) == "[*]")
                {
                    if (i != parts.Count - 2 || parts[i + 1].IndexOf('[') >= 0)
                    {
                        error = $"a projection such as '{part}' must be followed by exactly one field name, the value to take from each element";
                        return false;
                    }
                    result.Add(new PathSegment(part.Substring(0, open), PathSegment.Every, null));
                    continue;
                }
                int equals = part.IndexOf('=', open);
                if (open == 0 || part[part.Length - 1] != ']' || equals < 0)
                {
                    error = $"'{part}' should read name[key=value] or name[*]";
                    return false;
                }
                string key = part.Substring(open + 1, equals - open - 1).Trim();
                string value = part.Substring(equals + 1, part.Length - equals - 2);
                if (key.Length == 0 || value.Length == 0)
                {
                    error = $"'{part}' needs both a key and a value in its brackets";
                    return false;
                }
                if (i != parts.Count - 2 || parts[i + 1].IndexOf('[') >= 0)
                {
                    error = $"a selection such as '{part}' must be followed by exactly one field name, the value to take";
                    return false;
                }
                result.Add(new PathSegment(part.Substring(0, open), key, value));
            }
            segments = new EquatableArray<PathSegment>(result);
            return true;
        }

        private static Location? Where(AttributeData attribute, Location? fallback, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? fallback;

        private static string MetadataName(INamedTypeSymbol type) =>
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

        private static T? NamedArgument<T>(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is T value) return value;
                if (argument.Key == name && argument.Value.Value is int number && typeof(T) == typeof(int?)) return (T)(object)number;
            }
            return default;
        }

        private static string[] NamedArrayArgument(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array)
                    return [.. argument.Value.Values.Select(v => v.Value as string ?? "")];
            }
            return [];
        }
    }
}
