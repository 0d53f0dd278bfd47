package dev.tarn.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java values of Kernel column vectors: strings, boxed numbers and booleans, {@link Instant} (timestamps, with or
 * without time zone, both microseconds since the epoch in UTC), {@link LocalDate}, {@code byte[]}, {@link List} (arrays),
 * {@link Map} (maps, in file order) and field-ordered {@code Map<String, Object>} (structs). Null stays null.
 */
public final class KernelValues {
  private KernelValues() {}

  public static Object value(ColumnVector vector, int row) {
    if (vector.isNullAt(row)) {
      return null;
    }
    DataType type = vector.getDataType();
    if (type instanceof StringType) {
      return vector.getString(row);
    } else if (type instanceof LongType) {
      return vector.getLong(row);
    } else if (type instanceof IntegerType) {
      return vector.getInt(row);
    } else if (type instanceof BooleanType) {
      return vector.getBoolean(row);
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return instant(vector.getLong(row));
    } else if (type instanceof DateType) {
      return LocalDate.ofEpochDay(vector.getInt(row));
    } else if (type instanceof DoubleType) {
      return vector.getDouble(row);
    } else if (type instanceof FloatType) {
      return vector.getFloat(row);
    } else if (type instanceof ShortType) {
      return vector.getShort(row);
    } else if (type instanceof ByteType) {
      return vector.getByte(row);
    } else if (type instanceof DecimalType) {
      return vector.getDecimal(row);
    } else if (type instanceof BinaryType) {
      return vector.getBinary(row);
    } else if (type instanceof ArrayType) {
      return list(vector.getArray(row));
    } else if (type instanceof MapType) {
      return map(vector.getMap(row));
    } else if (type instanceof StructType struct) {
      return struct(struct, vector, row);
    }
    throw new IllegalArgumentException("Unsupported column type " + type + " (expected a Delta primitive, array, "
        + "map or struct type)");
  }

  /** A Delta timestamp (microseconds since the epoch, UTC) as an instant. */
  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static List<Object> list(ArrayValue array) {
    ColumnVector elements = array.getElements();
    List<Object> out = new ArrayList<>(array.getSize());
    for (int i = 0; i < array.getSize(); i++) {
      out.add(value(elements, i));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<Object, Object> map(MapValue map) {
    ColumnVector keys = map.getKeys();
    ColumnVector values = map.getValues();
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < map.getSize(); i++) {
      out.put(value(keys, i), value(values, i));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Object> struct(StructType type, ColumnVector vector, int row) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<StructField> fields = type.fields();
    for (int i = 0; i < fields.size(); i++) {
      out.put(fields.get(i).getName(), value(vector.getChild(i), row));
    }
    return Collections.unmodifiableMap(out);
  }
}
