using System.CommandLine;
using Ingest.Runner;
using Ingest.Runner.Commands;

var root = new RootCommand("ingest: paged JSON APIs into partitioned Parquet tables, with the upstream simulator built in.")
{
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
return await parsed.InvokeAsync();
