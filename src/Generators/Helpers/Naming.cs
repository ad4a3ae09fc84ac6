using System.Text;

namespace Ingest.Generators.Helpers;

/// <summary>The naming conventions of <c>Ingest.NamingConvention</c>, applied to PascalCase property names.</summary>
internal static class Naming
{
    // Values of Ingest.NamingConvention, which the generator cannot reference.
    public const int CamelCase = 0;
    public const int SnakeCase = 1;
    public const int PascalCase = 2;
    public const int LowerCase = 3;

    public static string Apply(string name, int convention) => convention switch
    {
        SnakeCase => ToSnakeCase(name),
        PascalCase => name,
        LowerCase => name.ToLowerInvariant(),
        _ => ToCamelCase(name),
    };

    /// <summary><c>DealerZipCode</c> → <c>dealerZipCode</c>; a leading acronym is lowered whole (<c>VINCode</c> → <c>vinCode</c>).</summary>
    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0])) return name;
        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            bool nextIsLower = i + 1 < chars.Length && char.IsLower(chars[i + 1]);
            if (i > 0 && nextIsLower) break;
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    /// <summary><c>DealerZipCode</c> → <c>dealer_zip_code</c>, <c>ExtImageURL</c> → <c>ext_image_url</c>, <c>Zip5</c> → <c>zip5</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || acronymEnds) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
