using System.Globalization;

namespace Ingest.Runner.Tests;

/// <summary>Hand-written bench summaries in the shape <c>ingest bench</c> writes, for <c>ingest compare</c>.</summary>
internal static class Summaries
{
    public sealed record Stage(string Name, double WallSeconds, double PeakRssMb = 200, string Grade = "green");

    public static string Json(string label, params Stage[] stages) => $$"""
        {
          "scenario": "stellantis_jeep_inventory_fast",
          "label": "{{label}}",
          "git_sha": "0123456789abcdef0123456789abcdef01234567",
          "git_branch": "main",
          "machine": { "host": "ci", "os": "Linux", "cores": 2, "memory_gb": 8, "runtime": ".NET 10.0" },
          "started_at": "2026-11-27T10:00:00+00:00",
          "partition_date": "2026-11-27",
          "stages": [{{string.Join(",", stages.Select(StageJson))}}]
        }
        """;

    private static string StageJson(Stage stage) => string.Create(CultureInfo.InvariantCulture, $$"""

            {
              "name": "{{stage.Name}}",
              "asset_key": "stellantis/raw/inventory",
              "wall_seconds": {{stage.WallSeconds}},
              "peak_rss_mb": {{stage.PeakRssMb}},
              "exit_code": 0,
              "killed_by_watchdog": false,
              "memory_grade": "{{stage.Grade}}",
              "duration_grade": "green",
              "grade": "{{stage.Grade}}"
            }
        """);
}
