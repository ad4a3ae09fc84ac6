using System.Text.Json;

namespace Ingest;

/// <summary>
/// One scalar JSON value as a coercer sees it: its token kind and its UTF-8 text, already unescaped
/// (a string without its quotes; a number, <c>true</c> or <c>false</c> as written). Never JSON null:
/// nulls are handled before coercers run.
/// </summary>
public readonly ref struct JsonScalar(JsonTokenType token, ReadOnlySpan<byte> utf8)
{
    /// <summary><see cref="JsonTokenType.String"/>, <see cref="JsonTokenType.Number"/>, <see cref="JsonTokenType.True"/> or <see cref="JsonTokenType.False"/>.</summary>
    public JsonTokenType Token { get; } = token;

    public ReadOnlySpan<byte> Utf8 { get; } = utf8;

    public bool IsString => Token == JsonTokenType.String;

    public bool IsNumber => Token == JsonTokenType.Number;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8);
}
