using Apache.Arrow;
using Apache.Arrow.Types;
using Ingest.Hashing;

namespace Ingest.Tables;

/// <summary>The bytes of Arrow data a batch or slice holds (its own rows only, not the whole buffers a slice shares).</summary>
internal static class ArrowSizes
{
    public static long Bytes(RecordBatch batch)
    {
        long bytes = 0;
        for (int c = 0; c < batch.ColumnCount; c++) bytes += Bytes(batch.Column(c).Data, 0, batch.Length);
        return bytes;
    }

    /// <summary>
    /// Slots <paramref name="start"/>..+<paramref name="count"/> of <paramref name="data"/> (logical indexes). A list's
    /// child is measured over the items those slots hold; a struct's children over the same slots (a struct's offset
    /// applies to its children, which are not sliced with it).
    /// </summary>
    private static long Bytes(ArrayData data, int start, int count)
    {
        // A slice's null count is unknown (-1) until counted: its validity bitmap is counted if it has one.
        long validity = ArrowSpans.Validity(data).IsEmpty ? 0 : (count + 7) / 8;
        switch (data.DataType)
        {
            case BooleanType:
                return validity + (count + 7) / 8;
            case StringType or BinaryType:
            {
                ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
                return validity + 4L * (count + 1) + offsets[start + count] - offsets[start];
            }
            case ListType:
            {
                ReadOnlySpan<int> offsets = ArrowSpans.Offsets(data);
                int from = offsets[start];
                return validity + 4L * (count + 1) + Bytes(data.Children[0], from, offsets[start + count] - from);
            }
            case StructType:
            {
                long bytes = validity;
                foreach (ArrayData child in data.Children) bytes += Bytes(child, data.Offset + start, count);
                return bytes;
            }
            case FixedWidthType fixedWidth:
                return validity + (long)count * fixedWidth.BitWidth / 8;
            default:
                return validity;
        }
    }
}
