using System.CommandLine;

namespace Ingest.Runner;

/// <summary>The <c>--warehouse</c> option every table command shares: where tables live, <c>./warehouse</c> unless told.</summary>
public static class WarehouseOption
{
    public static Option<string> Create() => new("--warehouse")
    {
        Description = "Folder that holds the tables (<warehouse>/<namespace>/<table>/partition_date=YYYY-MM-DD/*.parquet).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INGEST_WAREHOUSE") ?? "warehouse",
    };
}
