using System.Text.Json.Serialization;

namespace Ingest.Benchmarks.Pocos;

/// <summary>
/// The System.Text.Json source-generated metadata for <see cref="InventoryPage"/>: camelCase names, numbers
/// also read from plain numeric strings, unknown fields skipped.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(InventoryPage))]
public sealed partial class InventoryJsonContext : JsonSerializerContext;
