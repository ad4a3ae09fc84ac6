using System.CommandLine;
using Ingest.Runner.Scenarios;

namespace Ingest.Runner;

/// <summary>The <c>--upstream</c> option: the base URL of the API, or the in-process simulator when omitted.</summary>
public static class UpstreamOption
{
    public static Option<string?> Create(string description) => new("--upstream") { Description = description };

    /// <summary>The given URL, checked; null when none was given.</summary>
    public static Uri? Parse(string? text)
    {
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        throw new ScenarioException($"--upstream '{text}' is not an http(s) URL; give the API's base address, e.g. http://127.0.0.1:5080/.");
    }
}
