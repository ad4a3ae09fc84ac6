using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Parquet.Schema;
using ArrowField = Apache.Arrow.Field;
using ParquetField = Parquet.Schema.Field;

namespace Ingest.Tables;

/// <summary>
/// Arrow types → Parquet logical types, as both writers write them: utf8 → STRING, int32/int64 → INT32/INT64,
/// float64 → DOUBLE, decimal128(p,s) → DECIMAL(p,s), bool → BOOLEAN, binary → BYTE_ARRAY (no logical type),
/// date32 → DATE, timestamp(µs, tz) → TIMESTAMP(MICROS, isAdjustedToUTC = tz set), list&lt;T&gt; → LIST (three-level,
/// element <c>element</c>), struct → a group of the struct's fields, in order. Nullability of flat values is kept;
/// Parquet.Net writes every list and struct as an optional group. Lists and structs nest in each other, except that
/// Parquet.Net's writer takes no list directly inside a list (parquet-cpp does). parquet-cpp's Arrow writer maps the
/// same way on its own; this schema is Parquet.Net's. <see cref="EnsureWritable(Schema, ParquetWriterEngine)"/>
/// rejects, before anything is written, a type the store does not write, without loading Parquet.Net (22–25 ms of a
/// stage's start-up when the writer is parquet-cpp).
/// </summary>
public static class ParquetSchemaMapping
{
    /// <summary>Throws for a column whose type the table store does not write with parquet-cpp (see the list in the message).</summary>
    public static void EnsureWritable(Schema schema) => EnsureWritable(schema, ParquetWriterEngine.ParquetSharp);

    /// <summary>
    /// Throws for a column whose type the table store does not write (see the list in the message), or that
    /// <paramref name="engine"/> does not write (a list directly inside a list, with Parquet.Net).
    /// </summary>
    public static void EnsureWritable(Schema schema, ParquetWriterEngine engine)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (ArrowField field in schema.FieldsList)
        {
            EnsureWritable(field, field.Name, field.DataType);
            if (engine == ParquetWriterEngine.ParquetNet && ListInList(field.Name, field.DataType) is { } path)
                throw new NotSupportedException(
                    $"Column {field.Name} is {SchemaFingerprint.TypeName(field.DataType)}: the Parquet.Net writer " +
                    $"({nameof(TableStoreOptions)}.{nameof(TableStoreOptions.Writer)} = {nameof(ParquetWriterEngine)}.{nameof(ParquetWriterEngine.ParquetNet)}) " +
                    $"does not write a list directly inside a list ({path}); write this table with " +
                    $"{nameof(ParquetWriterEngine)}.{nameof(ParquetWriterEngine.ParquetSharp)} (the default).");
        }
    }

    /// <summary>The Parquet schema written for <paramref name="schema"/>; throws for a type the store does not map.</summary>
    public static ParquetSchema ToParquet(Schema schema)
    {
        EnsureWritable(schema, ParquetWriterEngine.ParquetNet);
        var fields = new List<ParquetField>(schema.FieldsList.Count);
        foreach (ArrowField field in schema.FieldsList) fields.Add(ToField(field.Name, field, field.Name));
        return new ParquetSchema(fields);
    }

    /// <summary>A list (element <c>element</c>), a struct (its fields in order) or a flat value, recursively.</summary>
    private static ParquetField ToField(string name, ArrowField field, string column) => field.DataType switch
    {
        ListType list => new ListField(name, ToField(ListField.ElementName, list.ValueField, column)),
        StructType structType => new StructField(name, [.. structType.Fields.Select(child => ToField(child.Name, child, column))]),
        _ => ToDataField(name, field, column),
    };

    private static DataField ToDataField(string name, ArrowField field, string column)
    {
        bool nullable = field.IsNullable;
        return field.DataType switch
        {
            StringType => new DataField<string>(name, nullable),
            Int32Type => new DataField<int>(name, nullable),
            Int64Type => new DataField<long>(name, nullable),
            DoubleType => new DataField<double>(name, nullable),
            BooleanType => new DataField<bool>(name, nullable),
            BinaryType => new DataField<byte[]>(name, nullable),
            Date32Type => new DataField<DateOnly>(name, nullable),
            TimestampType { Unit: TimeUnit.Microsecond } t =>
                new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: !string.IsNullOrEmpty(t.Timezone), unit: DateTimeTimeUnit.Micros, isNullable: nullable),
            Decimal128Type d => new DecimalDataField(name, d.Precision, d.Scale, forceByteArrayEncoding: false, isNullable: nullable),
            _ => throw new NotSupportedException($"Column {column}: {SchemaFingerprint.TypeName(field.DataType)} is not written by Parquet.Net's writer."),
        };
    }

    /// <summary>Recurses through lists and structs; <paramref name="path"/> names the part of <paramref name="column"/> at hand (<c>hours[].open_time</c>).</summary>
    private static void EnsureWritable(ArrowField column, string path, IArrowType type)
    {
        switch (type)
        {
            case ListType list:
                EnsureWritable(column, path + "[]", list.ValueDataType);
                break;
            case StructType structType:
                foreach (ArrowField child in structType.Fields) EnsureWritable(column, path + "." + child.Name, child.DataType);
                break;
            default:
                if (!IsFlat(type)) throw Unsupported(column, path, type);
                break;
        }
    }

    /// <summary>The path of the first list whose element is a list (<c>offers[].flags[]</c>), or null.</summary>
    private static string? ListInList(string path, IArrowType type) => type switch
    {
        ListType { ValueDataType: ListType } => path + "[]",
        ListType list => ListInList(path + "[]", list.ValueDataType),
        StructType structType => structType.Fields.Select(f => ListInList(path + "." + f.Name, f.DataType)).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static bool IsFlat(IArrowType type) => type is StringType or Int32Type or Int64Type or DoubleType
        or BooleanType or BinaryType or Date32Type or TimestampType { Unit: TimeUnit.Microsecond } or Decimal128Type;

    private static NotSupportedException Unsupported(ArrowField column, string path, IArrowType type) =>
        new($"Column {column.Name} is {SchemaFingerprint.TypeName(column.DataType)}" +
            (path == column.Name ? "" : $"; {path} is {SchemaFingerprint.TypeName(type)}") +
            ", which the table store does not write; " +
            "supported: utf8, binary, int32, int64, float64, decimal128, bool, date32, timestamp[us], and lists and structs of those.");
}
