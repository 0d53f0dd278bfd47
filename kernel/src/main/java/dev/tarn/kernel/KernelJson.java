package dev.tarn.kernel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
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
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders Kernel rows as JSON exactly as Spark's {@code to_json(struct(...))} does with its default options, so a row
 * read in-process looks the same as one read through Spark: fields in schema order, null fields left out (Spark's
 * {@code spark.sql.jsonGenerator.ignoreNullFields}), nulls kept inside arrays and maps, timestamps as
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the session time zone, timestamps without time zone as
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS}, dates as {@code yyyy-MM-dd}, binary as Base64, and numbers, strings and escapes
 * by Jackson's defaults, which Spark's generator also uses.
 */
public final class KernelJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final DateTimeFormatter timestamps;
  private final DateTimeFormatter timestampsWithoutZone;

  /** @param zone the time zone timestamps are shown in (Spark's {@code spark.sql.session.timeZone}) */
  public KernelJson(ZoneId zone) {
    requireNonNull(zone, "zone is null");
    this.timestamps = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
    this.timestampsWithoutZone = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  }

  /** The columns {@code ordinals} of one row of {@code batch}, as one JSON object named by {@code names}. */
  public String object(ColumnarBatch batch, int row, List<Integer> ordinals, List<String> names) {
    requireNonNull(batch, "batch is null");
    if (ordinals.size() != names.size()) {
      throw new IllegalArgumentException(ordinals.size() + " columns but " + names.size() + " names");
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      for (int i = 0; i < ordinals.size(); i++) {
        ColumnVector column = batch.getColumnVector(ordinals.get(i));
        if (!column.isNullAt(row)) {
          json.writeFieldName(names.get(i));
          write(json, column, row);
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render row " + row + " as JSON: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private void write(JsonGenerator json, ColumnVector vector, int row) throws IOException {
    DataType type = vector.getDataType();
    if (type instanceof StringType) {
      json.writeString(vector.getString(row));
    } else if (type instanceof LongType) {
      json.writeNumber(vector.getLong(row));
    } else if (type instanceof IntegerType) {
      json.writeNumber(vector.getInt(row));
    } else if (type instanceof ShortType) {
      json.writeNumber(vector.getShort(row));
    } else if (type instanceof ByteType) {
      json.writeNumber(vector.getByte(row));
    } else if (type instanceof BooleanType) {
      json.writeBoolean(vector.getBoolean(row));
    } else if (type instanceof DoubleType) {
      json.writeNumber(vector.getDouble(row));
    } else if (type instanceof FloatType) {
      json.writeNumber(vector.getFloat(row));
    } else if (type instanceof DecimalType) {
      json.writeNumber(vector.getDecimal(row));
    } else if (type instanceof TimestampType) {
      json.writeString(timestamps.format(KernelValues.instant(vector.getLong(row))));
    } else if (type instanceof TimestampNTZType) {
      json.writeString(timestampsWithoutZone.format(KernelValues.instant(vector.getLong(row))));
    } else if (type instanceof DateType) {
      json.writeString(LocalDate.ofEpochDay(vector.getInt(row)).toString());
    } else if (type instanceof BinaryType) {
      json.writeBinary(vector.getBinary(row));
    } else if (type instanceof ArrayType) {
      ArrayValue array = vector.getArray(row);
      ColumnVector elements = array.getElements();
      json.writeStartArray();
      for (int i = 0; i < array.getSize(); i++) {
        writeOrNull(json, elements, i);
      }
      json.writeEndArray();
    } else if (type instanceof MapType) {
      MapValue map = vector.getMap(row);
      ColumnVector keys = map.getKeys();
      ColumnVector values = map.getValues();
      json.writeStartObject();
      for (int i = 0; i < map.getSize(); i++) {
        json.writeFieldName(String.valueOf(KernelValues.value(keys, i)));
        writeOrNull(json, values, i);
      }
      json.writeEndObject();
    } else if (type instanceof StructType struct) {
      json.writeStartObject();
      for (int i = 0; i < struct.length(); i++) {
        ColumnVector field = vector.getChild(i);
        if (!field.isNullAt(row)) {
          json.writeFieldName(struct.at(i).getName());
          write(json, field, row);
        }
      }
      json.writeEndObject();
    } else {
      throw new IllegalArgumentException("Cannot render a column of type " + type + " as JSON (expected a Delta "
          + "primitive, array, map or struct type)");
    }
  }

  private void writeOrNull(JsonGenerator json, ColumnVector vector, int row) throws IOException {
    if (vector.isNullAt(row)) {
      json.writeNull();
    } else {
      write(json, vector, row);
    }
  }
}
