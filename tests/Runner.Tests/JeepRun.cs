namespace Ingest.Runner.Tests;

/// <summary>
/// One <c>ingest run stellantis_jeep_inventory_fast --date 2026-11-27</c> against the embedded simulator into a
/// throwaway warehouse, shared by the tests that read what it wrote (the classes in <see cref="Collection"/>). One of them runs the same
/// scenario again over it, which leaves the same tables.
/// </summary>
public sealed class JeepRun : IAsyncLifetime
{
    public const string Collection = "jeep run";

    private readonly TempFolder _folder = new();

    internal const string Date = "2026-11-27";

    internal string Warehouse => _folder.Combine("warehouse");

    internal IngestResult Result { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Result = await IngestExecutable.RunAsync(_folder.Path, "run", "stellantis_jeep_inventory_fast", "--date", Date, "--warehouse", Warehouse);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The test classes that share one <see cref="JeepRun"/>.</summary>
[CollectionDefinition(JeepRun.Collection)]
public sealed class JeepRunCollection : ICollectionFixture<JeepRun>;
