using System.CommandLine;
using Ingest.Runner.Commands;
using Ingest.Runner.Scenarios;
using Ingest.Runner.Stages;

namespace Ingest.Runner;

/// <summary>
/// The <c>ingest</c> command line over a <see cref="StageRegistry"/>: the shipped runner is
/// <c>IngestApp.RunAsync(args, StageRegistry.WithBuiltIns())</c>; a team's own runner passes a registry with its own
/// sources and entities (docs/your-own-runner.md). Returns the process exit code (<see cref="ExitCodes"/>).
/// </summary>
public static class IngestApp
{
    /// <summary>The runner's name in the commands its messages suggest: <c>ingest</c>, or a team's own runner's assembly name.</summary>
    public static string Name { get; private set; } = "ingest";

    public static async Task<int> RunAsync(string[] args, StageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Name = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? Name;
        GitInfo.ExportForManifests();

        // Redirected stdout has no width and Spectre would wrap tables at 80 columns, splitting stage and table names
        // mid-word in files and pipes; tables are only as wide as their content, so a wide limit just stops the wrapping.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 240;

        var root = new RootCommand("ingest: paged JSON APIs into partitioned Parquet tables, with the upstream simulator built in.")
        {
            RunCommand.Create(stages),
            BenchCommand.Create(stages),
            StageCommand.Create(stages),
            ListCommand.Create(stages),
            SimulateCommand.Create(),
            CompareCommand.Create(),
            InspectCommand.Create(),
            PruneCommand.Create(),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine($"Run `{Name} --help` (or `{Name} <command> --help`) for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ScenarioException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Usage;
        }
        catch (Pipes.PipesException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Usage;
        }
        catch (Tiers.NothingFetchedException ex)
        {
            // The page errors suggest the library's retry options; a scenario sets them through these knobs.
            Console.Error.WriteLine($"ingest failed: {ex.Message}");
            Console.Error.WriteLine("Retries are set in a scenario's env (or the environment): INGEST_MAX_ATTEMPTS (attempts per page, 4 by default) and INGEST_ATTEMPT_TIMEOUT_S (30 by default).");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("INGEST_DEBUG") is null)
        {
            // People get the message; INGEST_DEBUG=1 shows the stack trace.
            Console.Error.WriteLine($"ingest failed: {ex.Message}");
            Console.Error.WriteLine("Set INGEST_DEBUG=1 for the stack trace.");
            return ExitCodes.Failure;
        }
    }
}
