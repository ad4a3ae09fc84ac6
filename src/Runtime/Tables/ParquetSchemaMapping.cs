using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;
using Parquet.Schema;
using ArrowField = Apache.Arrow.Field;
using ParquetField = Parquet.Schema.Field;

namespace Ingest.Tables;

/// <summary>
/// Arrow types ↔ Parquet logical types: utf8 ↔ STRING, int32/int64 ↔ INT32/INT64, float64 ↔ DOUBLE,
/// decimal128(p,s) ↔ DECIMAL(p,s), bool ↔ BOOLEAN, binary ↔ BYTE_ARRAY (no logical type), date32 ↔ DATE, timestamp(µs, tz) ↔ TIMESTAMP(MICROS,
/// isAdjustedToUTC = tz set), list&lt;T&gt; ↔ LIST (three-level, element <c>element</c>). Nullability is kept.
/// </summary>
public static class ParquetSchemaMapping
{
    /// <summary>The Parquet schema written for <paramref name="schema"/>; throws for a type the store does not map.</summary>
    public static ParquetSchema ToParquet(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var fields = new List<ParquetField>(schema.FieldsList.Count);
        foreach (ArrowField field in schema.FieldsList)
        {
            fields.Add(field.DataType is ListType list
                ? new ListField(field.Name, ToDataField(ListField.ElementName, list.ValueField, field.Name))
                : ToDataField(field.Name, field, field.Name));
        }
        return new ParquetSchema(fields);
    }

    /// <summary>The Arrow schema a Parquet file written by the store reads back as.</summary>
    public static Schema ToArrow(ParquetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new Schema.Builder();
        foreach (ParquetField field in schema.Fields)
        {
            builder.Field(field switch
            {
                ListField list when list.Item is DataField item =>
                    new ArrowField(list.Name, new ListType(new ArrowField("item", ToArrowType(item), item.IsNullable)), list.IsNullable),
                DataField data => new ArrowField(data.Name, ToArrowType(data), data.IsNullable),
                _ => throw new NotSupportedException($"Column {field.Name}: Parquet {field.SchemaType} columns are not read by the table store."),
            });
        }
        return builder.Build();
    }

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
            _ => throw Unsupported(column, field.DataType),
        };
    }

    private static IArrowType ToArrowType(DataField field) => field switch
    {
        DecimalDataField d => new Decimal128Type(d.Precision, d.Scale),
        DateTimeDataField t => new TimestampType(TimeUnit.Microsecond, t.IsAdjustedToUTC ? "UTC" : null),
        _ when field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>) => StringType.Default,
        _ when field.ClrType == typeof(int) => Int32Type.Default,
        _ when field.ClrType == typeof(long) => Int64Type.Default,
        _ when field.ClrType == typeof(double) => DoubleType.Default,
        _ when field.ClrType == typeof(bool) => BooleanType.Default,
        _ when field.ClrType == typeof(byte[]) || field.ClrType == typeof(ReadOnlyMemory<byte>) => BinaryType.Default,
        _ when field.ClrType == typeof(DateOnly) => Date32Type.Default,
        _ => throw new NotSupportedException($"Column {field.Name}: Parquet values of CLR type {field.ClrType} are not read by the table store."),
    };

    private static NotSupportedException Unsupported(string column, IArrowType type) =>
        new($"Column {column} is {SchemaFingerprint.TypeName(type)}, which the table store does not write; " +
            "supported: utf8, binary, int32, int64, float64, decimal128, bool, date32, timestamp[us] and lists of those.");
}
