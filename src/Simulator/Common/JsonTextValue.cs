namespace Ingest.Simulator;

/// <summary>
/// A catalogue string pre-encoded as a quoted JSON value in both spellings a record may use: non-ASCII written raw,
/// or as <c>\u00e9</c> escapes (the same bytes when the text is ASCII).
/// </summary>
internal sealed class JsonTextValue
{
    public JsonTextValue(string text)
    {
        Text = text;
        Json = JsonText.Quoted(text);
        AsciiJson = JsonText.IsAscii(text) ? Json : JsonText.QuotedAsciiEscaped(text);
    }

    public string Text { get; }

    public byte[] Json { get; }

    public byte[] AsciiJson { get; }

    public ReadOnlySpan<byte> For(bool escapeNonAscii) => escapeNonAscii ? AsciiJson : Json;
}
