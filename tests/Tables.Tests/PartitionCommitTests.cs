using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Ingest.Tables.CrashHelper;

namespace Ingest.Tables.Tests;

public sealed class PartitionCommitTests : IDisposable
{
    private static readonly DateOnly Day = CrashBatches.Partition;
    private readonly Warehouse _warehouse = new();

    public void Dispose() => _warehouse.Dispose();

    private Table OpenTable(TableStoreOptions? options = null) =>
        new TableStore(_warehouse.Root, options).OpenTable(CrashBatches.Namespace, CrashBatches.Table);

    private static async Task<PartitionManifest> WriteVersionAsync(Table table, int version, int rows)
    {
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        using RecordBatch batch = CrashBatches.Create(version, 0, rows);
        await writer.WriteAsync(batch);
        return await writer.CommitAsync();
    }

    private static string Versions(Table table, string? glob = null) =>
        string.Join(",", Warehouse.Query($"SELECT version, count(*) FROM {Warehouse.ReadParquet(glob ?? table.ParquetGlob)} GROUP BY ALL ORDER BY 1")
            .Select(r => $"v{r[0]}x{r[1]}"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheOldPartitionStaysVisibleUntilCommitThenOnlyTheNewOne(bool exchange)
    {
        Table table = OpenTable(new TableStoreOptions { UseAtomicExchange = exchange });
        await WriteVersionAsync(table, 1, 100);

        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        for (int b = 0; b < 3; b++)
        {
            using RecordBatch batch = CrashBatches.Create(2, b * 50, 50);
            await writer.WriteAsync(batch);
            Assert.Equal("v1x100", Versions(table));
        }
        await writer.CommitAsync();

        Assert.Equal("v2x150", Versions(table));
        Assert.Equal("v2x150", Versions(table, Path.Combine(_warehouse.Root, "**", "*.parquet")));
    }

    /// <summary>DuckDB's <c>**</c> does descend into dot folders, which is why staging lives outside the table folder.</summary>
    [Fact]
    public async Task StagedFilesAreInvisibleToTheTableGlobThoughDuckDbGlobsDescendIntoDotFolders()
    {
        Table table = OpenTable(new TableStoreOptions { RowGroupRows = 10, FileBytes = 1 });
        await WriteVersionAsync(table, 1, 20);

        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        using RecordBatch batch = CrashBatches.Create(2, 0, 100);
        await writer.WriteAsync(batch);
        string work = Path.Combine(_warehouse.Root, TableLayout.WorkFolderName);
        Assert.NotEmpty(Directory.GetFiles(work, "*.parquet", SearchOption.AllDirectories));

        Assert.Equal("v1x20", Versions(table));
        string staged = Warehouse.Scalar<string>($"SELECT string_agg(DISTINCT filename, ',') FROM read_parquet('{Path.Combine(_warehouse.Root, "**", "*.parquet")}', filename = true, hive_partitioning = false) WHERE version = 2");
        Assert.Contains(TableLayout.WorkFolderName, staged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriterDisposedWithoutCommitLeavesThePartitionAndNoStagedFiles()
    {
        Table table = OpenTable();
        await WriteVersionAsync(table, 1, 10);

        await using (PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema))
        {
            using RecordBatch batch = CrashBatches.Create(2, 0, 10);
            await writer.WriteAsync(batch);
        }

        Assert.Equal("v1x10", Versions(table));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_warehouse.Root, TableLayout.WorkFolderName, CrashBatches.Namespace, CrashBatches.Table)));
    }

    [Fact]
    public async Task DroppingAPartitionRemovesItWholeAndLeavesTheOthers()
    {
        Table table = OpenTable();
        await WriteVersionAsync(table, 1, 10);
        DateOnly other = Day.AddDays(1);
        await using (PartitionWriter writer = table.CreatePartitionWriter(other, CrashBatches.Schema))
        {
            using RecordBatch batch = CrashBatches.Create(2, 0, 7);
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        Assert.True(table.DropPartition(Day));

        Assert.Equal([other], table.Partitions());
        Assert.Null(table.ReadManifest(Day));
        Assert.Equal("v2x7", Versions(table));
        Assert.False(table.DropPartition(Day));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_warehouse.Root, TableLayout.WorkFolderName, CrashBatches.Namespace, CrashBatches.Table)));
    }

    [Fact]
    public async Task ADropCutShortAfterThePartitionLeftTheTableIsFinishedAtTheNextOpen()
    {
        Table table = OpenTable();
        await WriteVersionAsync(table, 1, 10);
        // What a crash between DropPartition's rename and its delete leaves: the partition aside in a write folder.
        var layout = new TableLayout(_warehouse.Root, CrashBatches.Namespace, CrashBatches.Table);
        var transaction = new TransactionLayout(layout.WorkPath, "drop-crashed");
        Directory.CreateDirectory(transaction.Root);
        Directory.Move(layout.PartitionPath(Day), transaction.PreviousPath);

        Table reopened = OpenTable();

        Assert.Equal([new RecoveredWrite("drop-crashed", RecoveryAction.DropFinished)], reopened.Recovered);
        Assert.Empty(reopened.Partitions());
        Assert.False(Directory.Exists(transaction.Root));
    }

    [Fact]
    public async Task OpeningATableLeavesAWriteInProgressAlone()
    {
        Table table = OpenTable();
        await WriteVersionAsync(table, 1, 10);
        await using PartitionWriter writer = table.CreatePartitionWriter(Day, CrashBatches.Schema);
        using RecordBatch batch = CrashBatches.Create(2, 0, 10);
        await writer.WriteAsync(batch);

        Table reopened = OpenTable();

        Assert.Equal([new RecoveredWrite(writer.CommitId, RecoveryAction.InProgress)], reopened.Recovered);
        await writer.CommitAsync();
        Assert.Equal("v2x10", Versions(table));
    }

    [Fact]
    public async Task TheManifestRecordsRowsFilesSchemaCommitAndTimes()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow;
        Table table = OpenTable(new TableStoreOptions { GitSha = "abc123", RowGroupRows = 100, FileBytes = 1 });
        PartitionManifest written = await WriteVersionAsync(table, 1, 250);

        PartitionManifest manifest = table.ReadManifest(Day)!;

        Assert.Equal(written.CommitId, manifest.CommitId);
        Assert.Equal("crash/vehicles", manifest.Table);
        Assert.Equal(Day, manifest.PartitionDate);
        Assert.Equal(250, manifest.RowCount);
        Assert.Equal(["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"], manifest.Files.Select(f => f.Path));
        Assert.Equal([100L, 100L, 50L], manifest.Files.Select(f => f.Rows));
        Assert.All(manifest.Files, f => Assert.Equal(new FileInfo(Path.Combine(table.Location, "partition_date=2026-11-27", f.Path)).Length, f.Bytes));
        Assert.Equal(SchemaFingerprint.Compute(CrashBatches.Schema), manifest.SchemaFingerprint);
        Assert.Equal([new ManifestColumn("id", "int64", false), new ManifestColumn("version", "int32", false), new ManifestColumn("name", "utf8", true)], manifest.Columns);
        Assert.Equal("abc123", manifest.GitSha);
        Assert.InRange(manifest.StartedAt, before, manifest.CommittedAt);
        Assert.InRange(manifest.CommittedAt, manifest.StartedAt, DateTimeOffset.UtcNow);
        string json = File.ReadAllText(Path.Combine(table.Location, "partition_date=2026-11-27", PartitionManifest.FileName));
        Assert.Contains("\"row_count\": 250", json, StringComparison.Ordinal);
        Assert.Contains("\"git_sha\": \"abc123\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaFingerprintChangesWithANameATypeOrNullability()
    {
        string fingerprint = SchemaFingerprint.Compute(CrashBatches.Schema);
        Schema renamed = new Schema.Builder().Field(new Field("ID", Apache.Arrow.Types.Int64Type.Default, false)).Field(CrashBatches.Schema.FieldsList[1]).Field(CrashBatches.Schema.FieldsList[2]).Build();
        Schema retyped = new Schema.Builder().Field(new Field("id", Apache.Arrow.Types.Int32Type.Default, false)).Field(CrashBatches.Schema.FieldsList[1]).Field(CrashBatches.Schema.FieldsList[2]).Build();
        Schema nullable = new Schema.Builder().Field(new Field("id", Apache.Arrow.Types.Int64Type.Default, true)).Field(CrashBatches.Schema.FieldsList[1]).Field(CrashBatches.Schema.FieldsList[2]).Build();

        Assert.Equal(fingerprint, SchemaFingerprint.Compute(new Schema.Builder().Field(CrashBatches.Schema.FieldsList[0]).Field(CrashBatches.Schema.FieldsList[1]).Field(CrashBatches.Schema.FieldsList[2]).Build()));
        Assert.Equal(3, new[] { renamed, retyped, nullable }.Select(SchemaFingerprint.Compute).Where(f => f != fingerprint).Distinct().Count());
    }

    [Theory]
    [InlineData("float32")]
    [InlineData("timestamp[ns]")]
    [InlineData("list<float32>")]
    public void A_column_the_store_does_not_write_is_refused_before_anything_is_staged(string typeName)
    {
        IArrowType type = typeName switch
        {
            "float32" => FloatType.Default,
            "timestamp[ns]" => new TimestampType(TimeUnit.Nanosecond, "UTC"),
            _ => new ListType(FloatType.Default),
        };
        var schema = new Schema.Builder().Field(CrashBatches.Schema.FieldsList[0]).Field(new Field("reading", type, nullable: true)).Build();
        Table table = OpenTable();

        var refused = Assert.Throws<NotSupportedException>(() => table.CreatePartitionWriter(Day, schema));

        Assert.Contains("Column reading is", refused.Message);
        Assert.Contains("supported:", refused.Message);
        Assert.False(Directory.Exists(Path.Combine(_warehouse.Root, CrashBatches.Namespace, CrashBatches.Table, $"partition_date={Day:yyyy-MM-dd}")));
        Assert.Empty(Directory.EnumerateFiles(_warehouse.Root, "*.parquet", SearchOption.AllDirectories));
    }
}
