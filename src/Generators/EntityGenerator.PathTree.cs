using System.Collections.Generic;
using System.Linq;
using System.Text;
using Ingest.Generators.Model;

namespace Ingest.Generators;

public sealed partial class EntityGenerator
{
    /// <summary>
    /// The columns' JSON paths folded into a tree, so the extractor visits every JSON object once and matches its
    /// property names against only the names declared at that level.
    /// </summary>
    internal sealed class PathTree
    {
        private PathTree(ObjectNode root, HashSet<string>? methodNames = null)
        {
            Root = root;
            _methodNames = methodNames ?? [];
        }

        public ObjectNode Root { get; }

        /// <summary>Every object node, the record first, in a stable order.</summary>
        public List<ObjectNode> Objects { get; } = [];

        public List<SelectionNode> Selections { get; } = [];

        public List<ProjectionNode> Projections { get; } = [];

        private readonly HashSet<string> _methodNames;

        /// <summary>For an element tree, the list of structs' column whose elements it reads; -1 for the record's.</summary>
        public int ElementOf { get; private init; } = -1;

        /// <summary>One tree per list of structs, its root an element of the list.</summary>
        public List<PathTree> Elements { get; } = [];

        /// <summary>The record's tree: every column at its path; a list of structs' fields in an element tree each.</summary>
        public static PathTree Build(EntitySpec spec)
        {
            var tree = new PathTree(new ObjectNode("", "ReadRecord"));
            tree.Objects.Add(tree.Root);
            for (int column = 0; column < spec.Columns.Count; column++)
            {
                ColumnSpec spec1 = spec.Columns[column];
                if (spec1.IsComputed || spec1.ElementOf is not null) continue;
                if (spec1.Kind == ColumnKind.Struct) tree.AddStruct(column, spec1);
                else tree.Add(column, spec1);
                if (spec1.Kind == ColumnKind.StructList) tree.Elements.Add(tree.BuildElement(spec, column));
            }
            return tree;
        }

        /// <summary>The tree of one element of a list of structs: its fields at their paths inside the element.</summary>
        private PathTree BuildElement(EntitySpec spec, int list)
        {
            ColumnSpec listColumn = spec.Columns[list];
            string path = string.Join(".", listColumn.Path.Select(p => p.Name));
            // Method names are unique across the record's tree and every element's.
            var element = new PathTree(new ObjectNode(path + "[]", MethodName("ReadElement_", listColumn.Property)), _methodNames) { ElementOf = list };
            element.Objects.Add(element.Root);
            for (int column = 0; column < spec.Columns.Count; column++)
            {
                if (spec.Columns[column].ElementOf == listColumn.Property) element.Add(column, spec.Columns[column]);
            }
            return element;
        }

        private void Add(int column, ColumnSpec spec)
        {
            ObjectNode node = Root;
            for (int i = 0; i < spec.Path.Count; i++)
            {
                PathSegment segment = spec.Path[i];
                FieldNode field = node.Field(segment.Name);
                field.ColumnsBelow.Add(column);
                node.ColumnsBelow.Add(column);
                if (segment.IsProjection)
                {
                    if (field.Projection is null)
                    {
                        field.Projection = new ProjectionNode(Join(node.Path, segment.Name), MethodName("ReadEach_", Join(node.Path, segment.Name)));
                        Projections.Add(field.Projection);
                    }
                    field.Projection.Items.Add(new ProjectedItem(spec.Path[i + 1].Name, column));
                    return;
                }
                if (segment.IsSelection)
                {
                    if (field.Selection is null)
                    {
                        field.Selection = new SelectionNode(Join(node.Path, segment.Name), MethodName("ReadList_", Join(node.Path, segment.Name)));
                        Selections.Add(field.Selection);
                    }
                    field.Selection.Selectors.Add(new Selector(segment.SelectorKey!, segment.SelectorValue!, spec.Path[i + 1].Name, column));
                    return;
                }
                if (i == spec.Path.Count - 1)
                {
                    field.Leaves.Add(column);
                    return;
                }
                if (field.Object is null)
                {
                    string path = Join(node.Path, segment.Name);
                    field.Object = new ObjectNode(path, MethodName("ReadObject_", path));
                    Objects.Add(field.Object);
                }
                node = field.Object;
            }
        }

        /// <summary>
        /// A struct column's object: reading it marks the struct present. Its fields are columns of their own, added
        /// at their full paths (<see cref="Emitter.Extracted"/>).
        /// </summary>
        private void AddStruct(int column, ColumnSpec spec)
        {
            ObjectNode node = Root;
            foreach (PathSegment segment in spec.Path)
            {
                FieldNode field = node.Field(segment.Name);
                if (field.Object is null)
                {
                    string path = Join(node.Path, segment.Name);
                    field.Object = new ObjectNode(path, MethodName("ReadObject_", path));
                    Objects.Add(field.Object);
                }
                node = field.Object;
            }
            node.Structs.Add(column);
        }

        /// <summary>A method name for <paramref name="path"/>, numbered when another path sanitizes to the same one (<c>a.b</c>, <c>a_b</c>).</summary>
        private string MethodName(string prefix, string path)
        {
            string name = prefix + Sanitize(path);
            string unique = name;
            for (int n = 2; !_methodNames.Add(unique); n++) unique = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return unique;
        }

        private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

        private static string Sanitize(string path)
        {
            var builder = new StringBuilder();
            // An element's objects: incentives[].terms reads ReadObject_incentives_item_terms.
            foreach (char c in path.Replace("[]", "_item")) builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            return builder.ToString();
        }
    }

    internal sealed class ObjectNode(string path, string methodName)
    {
        public string Path { get; } = path;
        public string MethodName { get; } = methodName;
        public List<FieldNode> Fields { get; } = [];
        public List<int> ColumnsBelow { get; } = [];

        /// <summary>The struct columns whose object this is.</summary>
        public List<int> Structs { get; } = [];

        public FieldNode Field(string name)
        {
            FieldNode? field = Fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                field = new FieldNode(name);
                Fields.Add(field);
            }
            return field;
        }
    }

    internal sealed class FieldNode(string name)
    {
        public string Name { get; } = name;
        public List<int> Leaves { get; } = [];
        public List<int> ColumnsBelow { get; } = [];
        public ObjectNode? Object { get; set; }
        public SelectionNode? Selection { get; set; }
        public ProjectionNode? Projection { get; set; }
    }

    internal sealed class SelectionNode(string path, string methodName)
    {
        public string Path { get; } = path;
        public string MethodName { get; } = methodName;
        public List<Selector> Selectors { get; } = [];
    }

    internal sealed record Selector(string Key, string Value, string ValueField, int Column);

    /// <summary>An array of objects every element of which gives one item to each of its list columns.</summary>
    internal sealed class ProjectionNode(string path, string methodName)
    {
        public string Path { get; } = path;
        public string MethodName { get; } = methodName;
        public List<ProjectedItem> Items { get; } = [];
    }

    /// <summary>A list column of a projection and the element field its items come from.</summary>
    internal sealed record ProjectedItem(string Field, int Column);
}
