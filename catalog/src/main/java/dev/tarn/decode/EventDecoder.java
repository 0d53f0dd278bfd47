package dev.tarn.decode;

import com.fasterxml.jackson.core.JsonParser;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.indicator.Scanner;
import dev.tarn.logschema.ColumnNames;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.LogSchemaException;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.time.TimeFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A log schema compiled for decoding: JSON tokens in, Spark internal values out, with indicators and the event
 * time collected on the way. One instance per log type, shared by all threads (it holds no mutable state).
 */
public final class EventDecoder {
  private static final int MAX_REF_DEPTH = 16;

  private final ObjectDecoder root;
  private final Set<IndicatorKind> indicatorKinds;
  private int eventTimeRanks;

  public EventDecoder(LogSchema schema, ExtraIndicators extra) {
    Set<IndicatorKind> kinds = EnumSet.noneOf(IndicatorKind.class);
    kinds.addAll(extra.produces());
    this.root = new ObjectDecoder("", fields(schema, schema.fields(), "", extra, kinds, 0));
    this.indicatorKinds = Set.copyOf(kinds);
  }

  /** The event's own columns (without the p_* columns). */
  public StructType eventType() {
    return root.structType();
  }

  /** The p_any columns this log type can fill. */
  public Set<IndicatorKind> indicatorKinds() {
    return indicatorKinds;
  }

  ObjectDecoder root() {
    return root;
  }

  public int width() {
    return root.fields().length;
  }

  /**
   * Decodes the object at the parser's current token (START_OBJECT) into {@code values[0..width)}. The state is
   * reset first and afterwards holds this event's indicators and event time.
   */
  public void decode(JsonParser p, DecodeState state, Object[] values) throws IOException, RecordRejectedException {
    state.reset();
    root.decodeInto(p, state, values);
  }

  private List<ObjectDecoder.Field> fields(LogSchema schema, List<FieldSchema> fields, String prefix,
      ExtraIndicators extra, Set<IndicatorKind> kinds, int depth) {
    List<ObjectDecoder.Field> out = new ArrayList<>();
    Set<String> columns = new HashSet<>();
    for (FieldSchema f : fields) {
      String path = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
      String column = ColumnNames.safe(f.name());
      if (!columns.add(column.toLowerCase(java.util.Locale.ROOT))) {
        throw new LogSchemaException(schema.name() + ": field " + path + ": its column name '" + column
            + "' collides with another field of the same object (column names are case-insensitive)");
      }
      out.add(new ObjectDecoder.Field(f.name(), column, f.required(),
          value(schema, f.value(), path, extra, kinds, depth)));
    }
    return out;
  }

  private ValueDecoder value(LogSchema schema, ValueSchema v, String path, ExtraIndicators extra,
      Set<IndicatorKind> kinds, int depth) {
    return switch (v.type()) {
      case STRING -> {
        List<Scanner> scanners = new ArrayList<>();
        for (String name : v.indicators()) {
          Scanner scanner = Scanner.forName(name);
          scanners.add(scanner);
          kinds.addAll(scanner.produces());
        }
        yield new ValueDecoder.StringDecoder(path, scanners, v.allow(), v.deny());
      }
      case INT -> new ValueDecoder.IntegerDecoder(path, DataTypes.IntegerType);
      case SMALLINT -> new ValueDecoder.IntegerDecoder(path, DataTypes.ShortType);
      case BIGINT -> new ValueDecoder.IntegerDecoder(path, DataTypes.LongType);
      case FLOAT -> new ValueDecoder.FloatDecoder(path);
      case BOOLEAN -> new ValueDecoder.BooleanDecoder(path);
      case TIMESTAMP -> new ValueDecoder.TimestampDecoder(path, TimeFormat.of(v.timeFormat()),
          v.eventTime() ? eventTimeRanks++ : -1);
      case JSON -> new ValueDecoder.JsonDecoder(path, extra);
      case OBJECT -> new ObjectDecoder(path, fields(schema, v.fields(), path, extra, kinds, depth));
      case ARRAY -> new ValueDecoder.ArrayDecoder(path, value(schema, v.element(), path, extra, kinds, depth));
      case REF -> {
        if (depth >= MAX_REF_DEPTH) {
          throw new LogSchemaException(schema.name() + ": field " + path + ": definitions nest deeper than "
              + MAX_REF_DEPTH + " levels (is '" + v.target() + "' recursive?)");
        }
        ValueSchema target = schema.definitions().get(v.target());
        if (target == null) {
          throw new LogSchemaException(schema.name() + ": field " + path + ": unknown definition '" + v.target() + "'");
        }
        yield value(schema, target, path, extra, kinds, depth + 1);
      }
    };
  }
}
