using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Ingest.Hashing;

/// <summary>
/// Computes <c>_snapshot</c>, a 64-bit hash of each row's column values, over a whole <see cref="RecordBatch"/>
/// column by column: never a stringified row, and no allocation per row.
/// </summary>
/// <remarks>
/// <para>
/// Each column first gets a per-row hash: XxHash3 of the value's bytes (little-endian fixed width; UTF-8 bytes for
/// strings; for lists the element count, then per element a presence byte and its bytes, strings length-prefixed),
/// seeded with the column's position and Arrow type, so the same bytes in another column or of another type hash
/// differently. A null hashes to a constant that is also derived from that seed, so null, empty string, 0, false and
/// an empty list all differ. The column hashes are then folded into the row's hash in column order,
/// <c>row = avalanche((row ^ column) * prime)</c>, which is not commutative: reordering columns changes it.
/// </para>
/// <para>
/// A struct is hashed the way a row is: each field gets its per-row hash as a column would (seeded with the struct's
/// seed, the field's position and type), and the field hashes are folded in field order into a start derived from
/// the struct's seed. A null struct hashes to the null constant of its seed, which differs from a struct whose fields
/// are all null. A struct's type takes part as its field names and types, in order: two struct columns with the same
/// values but other fields hash differently. A list of structs hashes each element's struct hash (8 bytes, after the
/// presence byte) as a list hashes its scalar elements. Struct hashes are computed over whole child arrays too, so
/// nothing is allocated per row.
/// </para>
/// <para>
/// Doubles are hashed by their bits, except that every NaN is one NaN and <c>-0.0</c> is <c>0.0</c>, so equal
/// values hash equal. Column names do not take part: a rename alone keeps snapshots stable.
/// </para>
/// </remarks>
public sealed class SnapshotHasher
{
    /// <summary>The column name the transformed tier stores the hash under.</summary>
    public const string ColumnName = "_snapshot";

    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong NullSalt = 0x27D4EB2F165667C5UL;
    private const ulong StructSalt = 0x61C8864E7A143579UL;

    private readonly XxHash3 _incremental = new();

    /// <summary>The <c>_snapshot</c> field: int64 (the hash's bits), not nullable.</summary>
    public static Field Field { get; } = new(ColumnName, Int64Type.Default, nullable: false);

    /// <summary>Hashes every row of <paramref name="batch"/> into <paramref name="destination"/> (one per row).</summary>
    public void HashRows(RecordBatch batch, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int rows = batch.Length;
        if (destination.Length < rows)
            throw new ArgumentException($"The destination holds {destination.Length} hashes; the batch has {rows} rows.", nameof(destination));
        Span<ulong> result = destination[..rows];
        result.Fill(Prime2);
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            IArrowArray array = batch.Column(c);
            ulong seed = ColumnSeed(c, array.Data.DataType);
            FoldColumn(array.Data, seed, result);
        }
    }

    /// <summary>Hashes every row into a new <c>_snapshot</c> column (int64 with the hash's bits).</summary>
    public Int64Array HashColumn(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        byte[] values = new byte[batch.Length * sizeof(long)];
        HashRows(batch, MemoryMarshal.Cast<byte, ulong>(values.AsSpan()));
        var data = new ArrayData(Int64Type.Default, batch.Length, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(values)]);
        return new Int64Array(data);
    }

    /// <summary>
    /// A new batch with the same columns (shared, not copied) and <c>_snapshot</c> appended last. The returned batch
    /// shares buffers with <paramref name="batch"/>: dispose the source batch only when done with both.
    /// </summary>
    public RecordBatch AppendSnapshotColumn(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var schema = new Schema.Builder();
        foreach (Field field in batch.Schema.FieldsList) schema.Field(field);
        schema.Field(Field);
        var columns = new List<IArrowArray>(batch.ColumnCount + 1);
        for (int c = 0; c < batch.ColumnCount; c++) columns.Add(batch.Column(c));
        columns.Add(HashColumn(batch));
        return new RecordBatch(schema.Build(), columns, batch.Length);
    }

    private static ulong ColumnSeed(int position, IArrowType type)
    {
        Span<byte> tag = stackalloc byte[32];
        int length = TypeTag(type, tag);
        BinaryPrimitives.WriteInt32LittleEndian(tag[length..], position);
        return XxHash3.HashToUInt64(tag[..(length + 4)]);
    }

    /// <summary>The seed of a struct's field: the struct's seed, then the field's type tag and position.</summary>
    private static ulong FieldSeed(ulong structSeed, int position, IArrowType type)
    {
        Span<byte> tag = stackalloc byte[44];
        BinaryPrimitives.WriteUInt64LittleEndian(tag, structSeed);
        int length = 8 + TypeTag(type, tag[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(tag[length..], position);
        return XxHash3.HashToUInt64(tag[..(length + 4)]);
    }

    /// <summary>Writes bytes that tell the type apart (id, parameters, element type) and returns how many.</summary>
    private static int TypeTag(IArrowType type, Span<byte> tag)
    {
        tag[0] = (byte)type.TypeId;
        switch (type)
        {
            case Decimal128Type decimalType:
                tag[1] = (byte)decimalType.Precision;
                tag[2] = (byte)decimalType.Scale;
                return 3;
            case TimestampType timestamp:
                tag[1] = (byte)timestamp.Unit;
                tag[2] = (byte)(string.IsNullOrEmpty(timestamp.Timezone) ? 0 : 1);
                return 3;
            case ListType list:
                return 1 + TypeTag(list.ValueDataType, tag[1..]);
            case StructType structType:
                BinaryPrimitives.WriteUInt64LittleEndian(tag[1..], StructTypeHash(structType));
                return 9;
            default:
                return 1;
        }
    }

    /// <summary>
    /// A struct type's fields, names and types in order, as one hash: <c>h = xxh3(count)</c>, then per field
    /// <c>h = xxh3(h, xxh3(utf8 name), type tag)</c>.
    /// </summary>
    private static ulong StructTypeHash(StructType type)
    {
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, type.Fields.Count);
        ulong hash = XxHash3.HashToUInt64(count);
        Span<byte> part = stackalloc byte[16 + 32];
        Span<byte> name = stackalloc byte[128];
        foreach (Field field in type.Fields)
        {
            ReadOnlySpan<byte> utf8 = Encoding.UTF8.GetMaxByteCount(field.Name.Length) <= name.Length
                ? name[..Encoding.UTF8.GetBytes(field.Name, name)]
                : Encoding.UTF8.GetBytes(field.Name);
            BinaryPrimitives.WriteUInt64LittleEndian(part, hash);
            BinaryPrimitives.WriteUInt64LittleEndian(part[8..], XxHash3.HashToUInt64(utf8));
            int length = 16 + TypeTag(field.DataType, part[16..]);
            hash = XxHash3.HashToUInt64(part[..length]);
        }
        return hash;
    }

    /// <summary>Folds each row's hash of this column into <paramref name="rows"/>, in one pass.</summary>
    private void FoldColumn(ArrayData data, ulong seed, Span<ulong> rows)
    {
        switch (data.DataType.TypeId)
        {
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
                HashFixed<int>(data, seed, rows);
                break;
            case ArrowTypeId.Int64:
            case ArrowTypeId.Timestamp:
                HashFixed<long>(data, seed, rows);
                break;
            case ArrowTypeId.Double:
                HashDoubles(data, seed, rows);
                break;
            case ArrowTypeId.Decimal128:
                HashFixed<Int128>(data, seed, rows);
                break;
            case ArrowTypeId.Boolean:
                HashBooleans(data, seed, rows);
                break;
            case ArrowTypeId.String:
                HashStrings(data, seed, rows);
                break;
            case ArrowTypeId.List when data.Children[0].DataType.TypeId == ArrowTypeId.Struct:
                HashStructLists(data, seed, rows);
                break;
            case ArrowTypeId.List:
                HashLists(data, seed, rows);
                break;
            case ArrowTypeId.Struct:
                HashStructs(data, seed, rows);
                break;
            default:
                throw new NotSupportedException(
                    $"Snapshot hashing does not support Arrow type {data.DataType.Name}; supported: utf8, int32, int64, float64, decimal128, bool, date32, timestamp, structs of them and lists of them or of structs.");
        }
    }

    private static void HashFixed<T>(ArrayData data, ulong seed, Span<ulong> rows) where T : unmanaged
    {
        ReadOnlySpan<T> values = ArrowSpans.Values<T>(data);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ulong nullHash = NullHash(seed);
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = Fold(rows[i], ArrowSpans.IsValid(validity, data.Offset + i)
                ? XxHash3.HashToUInt64(MemoryMarshal.AsBytes(values.Slice(i, 1)), (long)seed)
                : nullHash);
        }
    }

    private static void HashDoubles(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ReadOnlySpan<double> values = ArrowSpans.Values<double>(data);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ulong nullHash = NullHash(seed);
        Span<byte> bytes = stackalloc byte[sizeof(double)];
        for (int i = 0; i < rows.Length; i++)
        {
            if (!ArrowSpans.IsValid(validity, data.Offset + i))
            {
                rows[i] = Fold(rows[i], nullHash);
                continue;
            }
            BinaryPrimitives.WriteInt64LittleEndian(bytes, CanonicalBits(values[i]));
            rows[i] = Fold(rows[i], XxHash3.HashToUInt64(bytes, (long)seed));
        }
    }

    private static void HashBooleans(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ReadOnlySpan<byte> bits = data.Buffers[1].Span;
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ulong nullHash = NullHash(seed);
        ulong falseHash = XxHash3.HashToUInt64([0], (long)seed);
        ulong trueHash = XxHash3.HashToUInt64([1], (long)seed);
        for (int i = 0; i < rows.Length; i++)
        {
            int index = data.Offset + i;
            rows[i] = Fold(rows[i], !ArrowSpans.IsValid(validity, index) ? nullHash
                : ArrowSpans.Bit(bits, index) ? trueHash : falseHash);
        }
    }

    private static void HashStrings(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlySpan<byte> bytes = data.Buffers[2].Span;
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ulong nullHash = NullHash(seed);
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = Fold(rows[i], ArrowSpans.IsValid(validity, data.Offset + i)
                ? XxHash3.HashToUInt64(bytes[offsets[i]..offsets[i + 1]], (long)seed)
                : nullHash);
        }
    }

    private void HashLists(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ArrayData items = data.Children[0];
        ReadOnlySpan<byte> itemValidity = ArrowSpans.Validity(items);
        ulong nullHash = NullHash(seed);
        XxHash3 hash = _incremental;
        Span<byte> scratch = stackalloc byte[17];
        for (int i = 0; i < rows.Length; i++)
        {
            if (!ArrowSpans.IsValid(validity, data.Offset + i))
            {
                rows[i] = Fold(rows[i], nullHash);
                continue;
            }
            int start = offsets[i];
            int end = offsets[i + 1];
            hash.Reset();
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, seed);
            BinaryPrimitives.WriteInt32LittleEndian(scratch[8..], end - start);
            hash.Append(scratch[..12]);
            for (int j = start; j < end; j++)
            {
                if (!ArrowSpans.IsValid(itemValidity, items.Offset + j))
                {
                    hash.Append([0]);
                    continue;
                }
                scratch[0] = 1;
                AppendItem(hash, items, j, scratch);
            }
            rows[i] = Fold(rows[i], hash.GetCurrentHashAsUInt64());
        }
    }

    private void HashStructs(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(rows.Length);
        try
        {
            Span<ulong> values = rented.AsSpan(0, rows.Length);
            StructValues(data, seed, values);
            ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
            ulong nullHash = NullHash(seed);
            for (int i = 0; i < rows.Length; i++)
                rows[i] = Fold(rows[i], ArrowSpans.IsValid(validity, data.Offset + i) ? values[i] : nullHash);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Each row's hash of a struct array as if it were present (its validity is the caller's): the fields' per-row
    /// hashes folded in field order into <c>avalanche(seed ^ salt)</c>, each field seeded by <see cref="FieldSeed"/>.
    /// </summary>
    private void StructValues(ArrayData data, ulong seed, Span<ulong> values)
    {
        values.Fill(Avalanche(seed ^ StructSalt));
        var type = (StructType)data.DataType;
        for (int f = 0; f < type.Fields.Count; f++)
        {
            // The parent's offset applies to its children (which may have offsets of their own): slice them to its rows.
            ArrayData field = data.Children[f];
            if (data.Offset != 0 || field.Length != data.Length) field = field.Slice(data.Offset, data.Length);
            FoldColumn(field, FieldSeed(seed, f, field.DataType), values);
        }
    }

    /// <summary>
    /// A list of structs as <see cref="HashLists"/> hashes a list, each present element's bytes being its struct hash
    /// (<see cref="StructValues"/> with the list's seed), computed beforehand over the elements the rows span.
    /// </summary>
    private void HashStructLists(ArrayData data, ulong seed, Span<ulong> rows)
    {
        ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
        ReadOnlySpan<byte> validity = ArrowSpans.Validity(data);
        ArrayData items = data.Children[0];
        ReadOnlySpan<byte> itemValidity = ArrowSpans.Validity(items);
        int first = offsets[0];
        int count = offsets[rows.Length] - first;
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            Span<ulong> elements = rented.AsSpan(0, count);
            StructValues(items.Slice(first, count), seed, elements);
            ulong nullHash = NullHash(seed);
            XxHash3 hash = _incremental;
            Span<byte> scratch = stackalloc byte[12];
            for (int i = 0; i < rows.Length; i++)
            {
                if (!ArrowSpans.IsValid(validity, data.Offset + i))
                {
                    rows[i] = Fold(rows[i], nullHash);
                    continue;
                }
                int start = offsets[i];
                int end = offsets[i + 1];
                hash.Reset();
                BinaryPrimitives.WriteUInt64LittleEndian(scratch, seed);
                BinaryPrimitives.WriteInt32LittleEndian(scratch[8..], end - start);
                hash.Append(scratch[..12]);
                for (int j = start; j < end; j++)
                {
                    if (!ArrowSpans.IsValid(itemValidity, items.Offset + j))
                    {
                        hash.Append([0]);
                        continue;
                    }
                    scratch[0] = 1;
                    BinaryPrimitives.WriteUInt64LittleEndian(scratch[1..], elements[j - first]);
                    hash.Append(scratch[..9]);
                }
                rows[i] = Fold(rows[i], hash.GetCurrentHashAsUInt64());
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>Appends one present list element (presence byte already in <paramref name="scratch"/>[0]).</summary>
    private static void AppendItem(XxHash3 hash, ArrayData items, int j, Span<byte> scratch)
    {
        switch (items.DataType.TypeId)
        {
            case ArrowTypeId.String:
                ReadOnlySpan<int> offsets = ArrowSpans.Offsets(items);
                BinaryPrimitives.WriteInt32LittleEndian(scratch[1..], offsets[j + 1] - offsets[j]);
                hash.Append(scratch[..5]);
                hash.Append(items.Buffers[2].Span[offsets[j]..offsets[j + 1]]);
                break;
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
                BinaryPrimitives.WriteInt32LittleEndian(scratch[1..], ArrowSpans.Values<int>(items)[j]);
                hash.Append(scratch[..5]);
                break;
            case ArrowTypeId.Int64:
            case ArrowTypeId.Timestamp:
                BinaryPrimitives.WriteInt64LittleEndian(scratch[1..], ArrowSpans.Values<long>(items)[j]);
                hash.Append(scratch[..9]);
                break;
            case ArrowTypeId.Double:
                BinaryPrimitives.WriteInt64LittleEndian(scratch[1..], CanonicalBits(ArrowSpans.Values<double>(items)[j]));
                hash.Append(scratch[..9]);
                break;
            case ArrowTypeId.Decimal128:
                BinaryPrimitives.WriteInt128LittleEndian(scratch[1..], ArrowSpans.Values<Int128>(items)[j]);
                hash.Append(scratch[..17]);
                break;
            case ArrowTypeId.Boolean:
                scratch[1] = ArrowSpans.Bit(items.Buffers[1].Span, items.Offset + j) ? (byte)1 : (byte)0;
                hash.Append(scratch[..2]);
                break;
            default:
                throw new NotSupportedException($"Snapshot hashing does not support lists of {items.DataType.Name}.");
        }
    }

    private static long CanonicalBits(double value) =>
        double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN)
        : value == 0d ? 0L
        : BitConverter.DoubleToInt64Bits(value);

    private static ulong NullHash(ulong seed) => Avalanche(seed ^ NullSalt);

    /// <summary>Folds a column's hash of a row into the row's hash so far: <c>avalanche((row ^ column) * prime)</c>, order-dependent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ulong row, ulong column) => Avalanche((row ^ column) * Prime1);

    /// <summary>The XXH3 64-bit finalizer: a bijection in which every input bit flips about half the output bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche(ulong h)
    {
        h ^= h >> 37;
        h *= 0x165667919E3779F9UL;
        h ^= h >> 32;
        return h + BitOperations.RotateLeft(h, 7);
    }
}
