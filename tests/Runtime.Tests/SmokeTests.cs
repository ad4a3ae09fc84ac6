namespace Ingest.Runtime.Tests;
public class SmokeTests { [Fact] public void Compiles() => Assert.NotNull(Entities.SampleVehicle.ArrowSchema); }
