package dev.tarn.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tarn.parse.RecordRejectedException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Decodes a JSON object into a struct; unknown keys are skipped, required fields are enforced. */
final class ObjectDecoder extends ValueDecoder {

  /** One field: its JSON key, its catalog-safe column name, its decoder. */
  record Field(String key, String column, boolean required, ValueDecoder decoder) {}

  private final Field[] fields;
  private final Map<String, Integer> slots;
  /** Keys match case-insensitively when no exact match exists, as Go's JSON decoding (Panther's) did. */
  private final Map<String, Integer> foldedSlots;
  private final StructType type;

  ObjectDecoder(String path, List<Field> fields) {
    super(path);
    this.fields = fields.toArray(new Field[0]);
    this.slots = new HashMap<>(fields.size() * 2);
    this.foldedSlots = new HashMap<>(fields.size() * 2);
    StructField[] structFields = new StructField[fields.size()];
    for (int i = 0; i < this.fields.length; i++) {
      Field f = this.fields[i];
      slots.put(f.key(), i);
      foldedSlots.putIfAbsent(f.key().toLowerCase(Locale.ROOT), i);
      structFields[i] = DataTypes.createStructField(f.column(), f.decoder().sparkType(), true);
    }
    this.type = DataTypes.createStructType(structFields);
  }

  @Override
  DataType sparkType() {
    return type;
  }

  StructType structType() {
    return type;
  }

  Field[] fields() {
    return fields;
  }

  @Override
  Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    Object[] values = new Object[fields.length];
    decodeInto(p, s, values);
    return new GenericInternalRow(values);
  }

  /** Decodes the object into the first {@code fields.length} slots of {@code values}. */
  void decodeInto(JsonParser p, DecodeState s, Object[] values) throws IOException, RecordRejectedException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch("an object", p);
    }
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.getCurrentName();
      Integer slot = slots.get(key);
      if (slot == null) {
        slot = foldedSlots.get(key.toLowerCase(Locale.ROOT));
      }
      JsonToken valueToken = p.nextToken();
      if (slot == null) {
        if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
          p.skipChildren();
        }
        continue;
      }
      values[slot] = fields[slot].decoder().decode(p, s);
    }
    if (t != JsonToken.END_OBJECT) {
      throw RecordRejectedException.of("field %s: malformed object", path);
    }
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].required() && values[i] == null) {
        throw RecordRejectedException.of("required field %s%s is missing", path.isEmpty() ? "" : path + ".",
            fields[i].key());
      }
    }
  }
}
