using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Ingest.Generators.Tests.Infrastructure;

/// <summary>
/// Finds compiler objects (symbols, syntax, compilations, semantic models, trees, locations) anywhere inside a
/// pipeline value. It walks every instance field, public or not (so properties through their backing fields,
/// records, <c>EquatableArray</c>'s array, lists, dictionaries and tuples), and every element of an array.
/// A value holding any of them keeps the whole compilation alive and defeats the pipeline's caching.
/// </summary>
internal static class ModelWalker
{
    /// <summary>A description of each forbidden value found, with the path that reaches it; empty when the value is clean.</summary>
    public static IReadOnlyList<string> FindCompilerObjects(object? root, string rootName = "value")
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, rootName, found, visited);
        return found;
    }

    public static bool IsForbidden(object value) =>
        value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location;

    private static void Walk(object? value, string path, List<string> found, HashSet<object> visited)
    {
        if (value is null) return;
        if (IsForbidden(value))
        {
            found.Add($"{path}: {value.GetType().FullName}");
            return;
        }

        Type type = value.GetType();
        if (IsLeaf(type) || !visited.Add(value)) return;

        if (value is Array array)
        {
            int index = 0;
            foreach (object? item in array) Walk(item, $"{path}[{index++}]", found, visited);
            return;
        }

        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                Walk(field.GetValue(value), $"{path}.{Name(field)}", found, visited);
            }
        }
    }

    /// <summary>Values with nothing inside worth walking: primitives, strings, enums, and reflection or delegate objects.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer
        || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type);

    // "<Spec>k__BackingField" reads as "Spec".
    private static string Name(FieldInfo field) =>
        field.IsDefined(typeof(CompilerGeneratedAttribute)) && field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
}
