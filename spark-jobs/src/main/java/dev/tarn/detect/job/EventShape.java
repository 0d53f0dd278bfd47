package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tarn.classify.StandardColumns;
import dev.tarn.logschema.ColumnNames;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.logschema.ValueType;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How the rows of one log table look to detections. Tables use catalog-safe column names ({@code @timestamp} is
 * stored as {@code at_sign_timestamp}); detections see Panther's lake JSON: the log's original keys, the {@code p_*}
 * fields, timestamps in Glue layout ({@code 2024-01-02 03:04:05.000000000}, UTC), {@code json} fields embedded as JSON
 * and nulls omitted. Serializable: built on the driver, used in tasks.
 */
public final class EventShape implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter GLUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

  private final List<Node> columns;
  private final StructType originalNames;

  private EventShape(List<Node> columns, StructType originalNames) {
    this.columns = columns;
    this.originalNames = originalNames;
  }

  /**
   * @param schema the log schema, or null for rows that are not events of a log type (scheduled-query results): then
   *     column names are used as they are
   * @param tableType the columns of the rows that will be rendered
   */
  public static EventShape of(LogSchema schema, StructType tableType) {
    Map<String, FieldSchema> fields = new HashMap<>();
    if (schema != null) {
      for (FieldSchema f : schema.fields()) {
        fields.put(ColumnNames.safe(f.name()), f);
      }
    }
    List<Node> nodes = new ArrayList<>();
    StructType named = new StructType();
    for (StructField column : tableType.fields()) {
      if (column.name().equals(StandardColumns.DATE)) {
        nodes.add(null);
        continue;
      }
      FieldSchema field = fields.get(column.name());
      String key = field == null ? column.name() : field.name();
      Node node = node(schema, key, field == null ? null : field.value(), column.dataType());
      nodes.add(node);
      named = named.add(key, node.originalType, true, node.metadata());
    }
    return new EventShape(java.util.Collections.unmodifiableList(nodes), named);
  }

  /**
   * The event's fields under their original keys, as columns of {@code rows} (nested structs renamed too), for native
   * expressions written against Panther's field names. {@code p_date} is left out.
   */
  public List<Column> originalColumns(org.apache.spark.sql.Dataset<Row> rows) {
    List<Column> out = new ArrayList<>();
    String[] names = rows.columns();
    int k = 0;
    for (int i = 0; i < columns.size(); i++) {
      Node node = columns.get(i);
      if (node == null) {
        continue;
      }
      StructField target = originalNames.fields()[k++];
      out.add(rows.col("`" + names[i] + "`").cast(target.dataType()).as(target.name()));
    }
    return out;
  }

  public StructType originalNames() {
    return originalNames;
  }

  /** The row (with this shape's columns first) as Panther lake JSON. */
  public String render(Row row) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (int i = 0; i < columns.size(); i++) {
        Node node = columns.get(i);
        if (node != null && !row.isNullAt(i)) {
          g.writeFieldName(node.key);
          node.write(g, row.get(i));
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static String glueTimestamp(Timestamp ts) {
    return GLUE.format(ts.toInstant());
  }

  public static String glueTimestamp(Instant instant) {
    return GLUE.format(instant);
  }

  private static Node node(LogSchema schema, String key, ValueSchema value, DataType type) {
    ValueSchema v = resolve(schema, value);
    if (type instanceof StructType struct) {
      Map<String, FieldSchema> fields = new HashMap<>();
      if (v != null && v.type() == ValueType.OBJECT) {
        for (FieldSchema f : v.fields()) {
          fields.put(ColumnNames.safe(f.name()), f);
        }
      }
      List<Node> children = new ArrayList<>();
      StructType named = new StructType();
      for (StructField child : struct.fields()) {
        FieldSchema f = fields.get(child.name());
        Node node = node(schema, f == null ? child.name() : f.name(), f == null ? null : f.value(), child.dataType());
        children.add(node);
        named = named.add(node.key, node.originalType, true, node.metadata());
      }
      return new Node(key, Kind.OBJECT, children, null, named);
    }
    if (type instanceof ArrayType array) {
      Node element = node(schema, null, v != null && v.type() == ValueType.ARRAY ? v.element() : null,
          array.elementType());
      return new Node(key, Kind.ARRAY, List.of(), element, new ArrayType(element.originalType, true));
    }
    Kind kind = switch (type.typeName()) {
      case "timestamp" -> Kind.TIMESTAMP;
      case "string" -> v != null && v.type() == ValueType.JSON ? Kind.RAW_JSON : Kind.PLAIN;
      default -> Kind.PLAIN;
    };
    return new Node(key, kind, List.of(), null, type);
  }

  private static ValueSchema resolve(LogSchema schema, ValueSchema value) {
    ValueSchema v = value;
    for (int depth = 0; v != null && v.type() == ValueType.REF && depth < 16; depth++) {
      v = schema.definitions().get(v.target());
    }
    return v;
  }

  /** Marks string columns that hold JSON text: detections see them as objects, so native code must not. */
  public static final String RAW_JSON_METADATA = "tarn.rawJson";

  private enum Kind { PLAIN, TIMESTAMP, RAW_JSON, OBJECT, ARRAY }

  private record Node(String key, Kind kind, List<Node> children, Node element, DataType originalType)
      implements Serializable {
    Node {
      requireNonNull(kind, "kind is null");
    }

    Metadata metadata() {
      return kind == Kind.RAW_JSON
          ? new MetadataBuilder().putBoolean(RAW_JSON_METADATA, true).build() : Metadata.empty();
    }

    void write(JsonGenerator g, Object value) throws IOException {
      switch (kind) {
        case TIMESTAMP -> g.writeString(glueTimestamp((Timestamp) value));
        case RAW_JSON -> g.writeRawValue((String) value);
        case OBJECT -> {
          Row row = (Row) value;
          g.writeStartObject();
          for (int i = 0; i < children.size(); i++) {
            if (!row.isNullAt(i)) {
              g.writeFieldName(children.get(i).key);
              children.get(i).write(g, row.get(i));
            }
          }
          g.writeEndObject();
        }
        case ARRAY -> {
          g.writeStartArray();
          for (Object item : asList(value)) {
            if (item == null) {
              g.writeNull();
            } else {
              element.write(g, item);
            }
          }
          g.writeEndArray();
        }
        case PLAIN -> writePlain(g, value);
      }
    }

    private static List<?> asList(Object value) {
      if (value instanceof List<?> list) {
        return list;
      }
      return scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<?>) value);
    }

    private static void writePlain(JsonGenerator g, Object value) throws IOException {
      if (value instanceof String s) {
        g.writeString(s);
      } else if (value instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (value instanceof Integer n) {
        g.writeNumber(n);
      } else if (value instanceof Long n) {
        g.writeNumber(n);
      } else if (value instanceof Short n) {
        g.writeNumber(n);
      } else if (value instanceof Double n) {
        g.writeNumber(n);
      } else if (value instanceof Float n) {
        g.writeNumber(n);
      } else if (value instanceof java.math.BigDecimal n) {
        g.writeNumber(n);
      } else if (value instanceof java.sql.Date d) {
        g.writeString(d.toString());
      } else if (value instanceof scala.collection.Map<?, ?> map) {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : scala.collection.JavaConverters.mapAsJavaMap(map).entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          if (e.getValue() == null) {
            g.writeNull();
          } else {
            writePlain(g, e.getValue());
          }
        }
        g.writeEndObject();
      } else {
        g.writeString(String.valueOf(value));
      }
    }
  }
}
