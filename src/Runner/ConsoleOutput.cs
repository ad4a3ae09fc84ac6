using Spectre.Console;

namespace Ingest.Runner;

/// <summary>
/// Where people-facing output goes: progress and chatter to stderr (so stdout stays clean for the summary and for
/// pipes), plain text without colours when stderr is not a terminal.
/// </summary>
public static class ConsoleOutput
{
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
    });

    public static bool IsInteractive => !Console.IsErrorRedirected;
}
