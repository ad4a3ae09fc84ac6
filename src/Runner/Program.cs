using System.CommandLine;
using Ingest.Runner;
using Ingest.Runner.Commands;
using Ingest.Runner.Scenarios;

GitInfo.ExportForManifests();

// Redirected stdout has no width and Spectre would wrap tables at 80 columns, splitting stage and table names
// mid-word in files and pipes; tables are only as wide as their content, so a wide limit just stops the wrapping.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 240;

var root = new RootCommand("ingest: paged JSON APIs into partitioned Parquet tables, with the upstream simulator built in.")
{
    RunCommand.Create(),
    BenchCommand.Create(),
    StageCommand.Create(),
    ListCommand.Create(),
    SimulateCommand.Create(),
    CompareCommand.Create(),
    InspectCommand.Create(),
};

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Run `ingest --help` (or `ingest <command> --help`) for usage.");
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
catch (Ingest.Runner.Pipes.PipesException ex)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Usage;
}
catch (Ingest.Tiers.NothingFetchedException ex)
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
