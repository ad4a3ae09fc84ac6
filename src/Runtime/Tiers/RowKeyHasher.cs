using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tiers;

/// <summary>
/// Hashes each row's key columns into a 64-bit XxHash3, column by column: the key index of the transformed stage
/// (<see cref="KeyIndex"/>) keeps this hash, not the key's text, so its memory per key is fixed. A row with a null
/// key column has no key.
/// </summary>
internal sealed class RowKeyHasher
{
    private readonly int[] _columns;
    private readonly XxHash3 _hash = new();

    public RowKeyHasher(Schema schema, IReadOnlyList<string> keyColumns) => _columns = KeyColumns(schema, keyColumns, "the entity");

    /// <summary>
    /// Checks an entity's key before a stage reads anything: each key column must be a scalar column of the entity.
    /// A key on a struct or list column is refused here, with what to do, rather than found out row by row.
    /// </summary>
    public static void CheckKey(EntityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        KeyColumns(descriptor.Schema, descriptor.Key, $"entity {descriptor.Table}");
    }

    private static int[] KeyColumns(Schema schema, IReadOnlyList<string> keyColumns, string entity)
    {
        if (keyColumns.Count == 0) throw new ArgumentException($"{Capitalized(entity)} declares no key columns; conflicts need a key.", nameof(keyColumns));
        var columns = new int[keyColumns.Count];
        for (int k = 0; k < columns.Length; k++)
        {
            int index = schema.GetFieldIndex(keyColumns[k]);
            if (index < 0) throw new ArgumentException($"Key column {keyColumns[k]} is not a column of {entity}.", nameof(keyColumns));
            IArrowType type = schema.GetFieldByIndex(index).DataType;
            if (type is NestedType)
            {
                throw new NotSupportedException(
                    $"Key column {keyColumns[k]} of {entity} is {SchemaFingerprint.TypeName(type)}: a key must be a scalar column (utf8, int32, int64, date32, timestamp or decimal128), not a struct or a list. " +
                    $"To key on a field of it, declare that field as a property of its own (e.g. [Path(\"{keyColumns[k]}.<field>\")]) and name that property in [Entity(Key = ...)].");
            }
            if (type is not (StringType or Int32Type or Int64Type or Date32Type or TimestampType or Decimal128Type))
                throw new NotSupportedException($"Key column {keyColumns[k]} is {type.Name}; keys can be utf8, int32, int64, date32, timestamp or decimal128.");
            columns[k] = index;
        }
        return columns;
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public IReadOnlyList<int> Columns => _columns;

    /// <summary>Fills <paramref name="keys"/> for each row and returns false in <paramref name="hasKey"/> where a key column is null.</summary>
    public void Hash(RecordBatch batch, Span<ulong> keys, Span<bool> hasKey)
    {
        Span<byte> scratch = stackalloc byte[16];
        for (int row = 0; row < batch.Length; row++)
        {
            _hash.Reset();
            bool present = true;
            foreach (int c in _columns)
            {
                ArrayData data = batch.Column(c).Data;
                int index = data.Offset + row;
                // A slice's null count may be unknown (-1): read the bitmap whenever there is one.
                if (data.NullCount != 0 && !data.Buffers[0].IsEmpty && (data.Buffers[0].Span[index >> 3] & (1 << (index & 7))) == 0)
                {
                    present = false;
                    break;
                }
                switch (data.DataType)
                {
                    case StringType:
                        ReadOnlySpan<int> offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span);
                        int start = offsets[index], end = offsets[index + 1];
                        BinaryPrimitives.WriteInt32LittleEndian(scratch, end - start);
                        _hash.Append(scratch[..4]);
                        _hash.Append(data.Buffers[2].Span[start..end]);
                        break;
                    case Int32Type or Date32Type:
                        _hash.Append(data.Buffers[1].Span.Slice(index * 4, 4));
                        break;
                    case Int64Type or TimestampType:
                        _hash.Append(data.Buffers[1].Span.Slice(index * 8, 8));
                        break;
                    default:
                        _hash.Append(data.Buffers[1].Span.Slice(index * 16, 16));
                        break;
                }
            }
            hasKey[row] = present;
            keys[row] = present ? _hash.GetCurrentHashAsUInt64() : default;
        }
    }
}
