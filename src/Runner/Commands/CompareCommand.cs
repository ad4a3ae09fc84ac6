using System.CommandLine;
using System.Globalization;
using Ingest.Runner.Bench;
using Spectre.Console;

namespace Ingest.Runner.Commands;

/// <summary><c>ingest compare BASELINE.json CANDIDATE.json</c>: per-stage deltas, grade changes, a failing exit on a regression.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseline = new Argument<FileInfo>("baseline") { Description = "The summary.json to compare against." };
        var candidate = new Argument<FileInfo>("candidate") { Description = "The summary.json of the change." };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Relative change that counts as a regression (0.10 = 10% slower or bigger); small absolute changes (< 5 s, < 50 MB) never do.",
            DefaultValueFactory = _ => 0.10,
        };
        var command = new Command("compare", "Compares two bench summaries stage by stage; exits 1 when the candidate regressed.")
        {
            baseline, candidate, threshold,
        };
        command.SetAction(parse =>
        {
            BenchSummary before, after;
            try
            {
                before = BenchSummary.Load(parse.GetValue(baseline)!.FullName);
                after = BenchSummary.Load(parse.GetValue(candidate)!.FullName);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FormatException)
            {
                Console.Error.WriteLine(ex.Message);
                return ExitCodes.Usage;
            }

            SummaryComparison comparison = SummaryComparison.Of(before, after, parse.GetValue(threshold));
            var table = new Table()
                .Title($"{Markup.Escape(before.Scenario)}: {Markup.Escape(before.Label)} ({Short(before.GitSha)}) → {Markup.Escape(after.Label)} ({Short(after.GitSha)})")
                .AddColumns("stage", "wall", "peak RSS", "grade", "verdict");
            foreach (StageDelta delta in comparison.Stages)
            {
                table.AddRow(
                    Markup.Escape(delta.Stage),
                    Change(delta.Baseline?.WallSeconds, delta.Candidate?.WallSeconds, "s"),
                    Change(delta.Baseline?.PeakRssMb, delta.Candidate?.PeakRssMb, " MB"),
                    $"{delta.Baseline?.Grade.ToString() ?? "-"} → {delta.Candidate?.Grade.ToString() ?? "-"}",
                    delta.IsRegression ? $"[red]regression: {Markup.Escape(delta.Reason)}[/]" : $"[green]ok[/] {Markup.Escape(delta.Reason)}");
            }
            AnsiConsole.Write(table);
            return comparison.HasRegression ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static string Change(double? before, double? after, string unit)
    {
        if (before is not double b || after is not double a) return $"{Format(before)} → {Format(after)}";
        string percent = b == 0 ? "" : $" ({(a - b) / b:+0%;-0%;0%})";
        return $"{Format(b)}{unit} → {Format(a)}{unit}{percent}";
    }

    private static string Format(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
