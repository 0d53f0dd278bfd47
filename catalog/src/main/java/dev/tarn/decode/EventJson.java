package dev.tarn.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.time.Timestamps;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataType;

/**
 * Renders a decoded event back to JSON with the original keys (not the catalog-safe column names), nulls omitted,
 * timestamps as RFC 3339 and json fields as JSON: the form Panther's golden test cases are written in, and the
 * form users see when they test a schema against sample lines.
 */
public final class EventJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  /** The event's own fields (the first {@code decoder.width()} columns of {@code row}). */
  public static ObjectNode render(EventDecoder decoder, InternalRow row) {
    return object(decoder.root(), row);
  }

  private static ObjectNode object(ObjectDecoder decoder, InternalRow row) {
    ObjectNode out = NODES.objectNode();
    ObjectDecoder.Field[] fields = decoder.fields();
    for (int i = 0; i < fields.length; i++) {
      if (row.isNullAt(i)) {
        continue;
      }
      ValueDecoder d = fields[i].decoder();
      out.set(fields[i].key(), value(d, row.get(i, d.sparkType())));
    }
    return out;
  }

  private static JsonNode value(ValueDecoder d, Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (d instanceof ObjectDecoder od) {
      return object(od, (InternalRow) v);
    }
    if (d instanceof ValueDecoder.ArrayDecoder ad) {
      ArrayData data = (ArrayData) v;
      ArrayNode out = NODES.arrayNode();
      DataType elementType = ad.element().sparkType();
      for (int i = 0; i < data.numElements(); i++) {
        out.add(data.isNullAt(i) ? NODES.nullNode() : value(ad.element(), data.get(i, elementType)));
      }
      return out;
    }
    if (d instanceof ValueDecoder.JsonDecoder) {
      try {
        return MAPPER.readTree(v.toString());
      } catch (JsonProcessingException e) {
        return NODES.textNode(v.toString());
      }
    }
    if (d instanceof ValueDecoder.TimestampDecoder) {
      return NODES.textNode(Timestamps.formatRfc3339Micros((Long) v));
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Double x) {
      return NODES.numberNode(x);
    }
    if (v instanceof Number n) {
      return NODES.numberNode(n.longValue());
    }
    return NODES.textNode(v.toString());
  }
}
