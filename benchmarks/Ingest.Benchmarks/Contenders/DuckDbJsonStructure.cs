using System.Text.Json;

namespace Ingest.Benchmarks.Contenders;

/// <summary>DuckDB type text turned into the structure argument of DuckDB's <c>json_transform</c>.</summary>
public static class DuckDbJsonStructure
{
    /// <summary>
    /// A DuckDB type (<c>STRUCT("a" VARCHAR, b STRUCT(…)[])</c>, scalars, <c>[]</c> lists) as the JSON structure
    /// <c>json_transform</c> takes: <c>{"a": "VARCHAR", "b": [{…}]}</c>.
    /// </summary>
    public static string FromType(string type)
    {
        int position = 0;
        string json = ParseType(type, ref position);
        SkipSpace(type, ref position);
        if (position != type.Length) throw new FormatException($"Unexpected text at {position} in {type}");
        return json;
    }

    private static string ParseType(string text, ref int position)
    {
        SkipSpace(text, ref position);
        string json;
        if (string.CompareOrdinal(text, position, "STRUCT", 0, 6) == 0)
        {
            position += 6;
            SkipSpace(text, ref position);
            Expect(text, ref position, '(');
            var fields = new List<string>();
            while (true)
            {
                SkipSpace(text, ref position);
                string name;
                if (text[position] == '"')
                {
                    int end = text.IndexOf('"', position + 1);
                    name = text[(position + 1)..end];
                    position = end + 1;
                }
                else
                {
                    int start = position;
                    while (char.IsLetterOrDigit(text[position]) || text[position] == '_') position++;
                    name = text[start..position];
                }
                string fieldType = ParseType(text, ref position);
                fields.Add($"{JsonSerializer.Serialize(name)}: {fieldType}");
                SkipSpace(text, ref position);
                if (text[position] == ',') { position++; continue; }
                Expect(text, ref position, ')');
                break;
            }
            json = "{" + string.Join(", ", fields) + "}";
        }
        else
        {
            int start = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_')) position++;
            if (position == start) throw new FormatException($"Expected a type at {position} in {text}");
            json = JsonSerializer.Serialize(text[start..position]);
        }
        SkipSpace(text, ref position);
        while (position + 1 < text.Length && text[position] == '[' && text[position + 1] == ']')
        {
            position += 2;
            json = "[" + json + "]";
            SkipSpace(text, ref position);
        }
        return json;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }

    private static void Expect(string text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected) throw new FormatException($"Expected '{expected}' at {position} in {text}");
        position++;
    }
}
