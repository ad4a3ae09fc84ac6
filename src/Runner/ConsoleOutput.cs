using Spectre.Console;

namespace Ingest.Runner;

/// <summary>
/// Where people-facing output goes: progress and chatter to stderr (so stdout stays clean for the summary and for
/// pipes), plain text without colours when stderr is not a terminal.
/// </summary>
public static class ConsoleOutput
{
    public static IAnsiConsole Progress { get; } = CreateProgress();

    private static IAnsiConsole CreateProgress()
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        // As for stdout (Program.cs): redirected stderr has no width, and Spectre would wrap lines at 80 columns, in
        // the middle of paths and URLs in log files; a line is only as long as its text, so a wide limit just stops it.
        if (Console.IsErrorRedirected) console.Profile.Width = 240;
        return console;
    }

    public static bool IsInteractive => !Console.IsErrorRedirected;
}
