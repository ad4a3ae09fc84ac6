using System.CommandLine;
using Ingest.Runner.Scenarios;
using Ingest.Runner.Stages;
using Spectre.Console;

namespace Ingest.Runner.Commands;

/// <summary><c>ingest list</c>: the entities compiled into this runner and the scenarios it can run.</summary>
public static class ListCommand
{
    public static Command Create(StageRegistry stages)
    {
        var command = new Command("list", "Shows the entities compiled into the runner and the scenarios in benchmarks/configs.");
        command.SetAction(_ =>
        {
            var entities = new Table().Title("Entities").AddColumns("table", "records path", "key", "columns");
            foreach (EntityDescriptor d in stages.Entities)
            {
                entities.AddRow(Markup.Escape(d.Table), Markup.Escape(d.RecordsPath), Markup.Escape(string.Join(", ", d.Key)), d.Columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(entities);

            var scenarios = new Table().Title($"Scenarios ({Markup.Escape(ScenarioCatalog.Folder())})").AddColumns("name", "oem", "stages", "description");
            foreach (string name in ScenarioCatalog.Names())
            {
                try
                {
                    ScenarioConfig scenario = ScenarioCatalog.Find(name, stages);
                    scenarios.AddRow(Markup.Escape(name), Markup.Escape(scenario.Oem), Markup.Escape(string.Join(" → ", scenario.Stages.Select(s => s.Name))), Markup.Escape(scenario.Description));
                }
                catch (ScenarioException ex)
                {
                    scenarios.AddRow(Markup.Escape(name), "", "[red]invalid[/]", Markup.Escape(ex.Message));
                }
            }
            AnsiConsole.Write(scenarios);
            return ExitCodes.Ok;
        });
        return command;
    }
}
