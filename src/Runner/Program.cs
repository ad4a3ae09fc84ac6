using Ingest.Runner;
using Ingest.Runner.Stages;

return await IngestApp.RunAsync(args, StageRegistry.WithBuiltIns());
