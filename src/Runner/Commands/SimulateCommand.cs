using System.CommandLine;
using Ingest.Simulator;

namespace Ingest.Runner.Commands;

/// <summary><c>ingest simulate</c>: the upstream simulator on its own, on 127.0.0.1, until Ctrl+C.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on.", DefaultValueFactory = _ => 5080 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated inventory; the same seed and date serve the same bytes.", DefaultValueFactory = _ => new SimulatorOptions().Seed };
        var date = new Option<DateOnly?>("--date") { Description = "Inventory date (YYYY-MM-DD); today (UTC) when omitted." };
        var command = new Command("simulate", "Runs the deterministic upstream simulator (Jeep inventory, dealer locator, Mercedes-Benz) standalone on 127.0.0.1.")
        {
            port, seed, date,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulatorOptions { Seed = parse.GetValue(seed), Date = parse.GetValue(date) };
            int chosenPort = parse.GetValue(port);
            await Console.Error.WriteLineAsync($"Simulator on http://127.0.0.1:{chosenPort}/ (inventory: /hostd/inventory/getinventoryresults.json, faults: PUT /_sim/faults). Ctrl+C stops it.");
            await SimulatorServer.RunAsync(chosenPort, options, cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
