package dev.tarn.decode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tarn.indicator.Scanner;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.time.TimeFormat;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Decodes one JSON value, positioned at its first token, into Spark's internal representation, leniently as Panther
 * does: numbers and booleans into string fields, quoted numbers and booleans into numeric fields, empty strings as
 * absent. A value of the wrong shape rejects the whole record with a reason naming the field.
 */
abstract class ValueDecoder {
  final String path;

  ValueDecoder(String path) {
    this.path = path;
  }

  abstract DataType sparkType();

  /** @return the value, or null when absent/empty. The parser is left on the value's last token. */
  abstract Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException;

  final RecordRejectedException mismatch(String expected, JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    String found = switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
      default -> p.getText();
    };
    return RecordRejectedException.of("field %s: expected %s, found %s", path, expected, found);
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }

  /** Text of a scalar token for lenient conversion, or null for JSON null. */
  static String scalarText(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
  }

  static final class StringDecoder extends ValueDecoder {
    private final Scanner[] scanners;
    private final Set<String> allow;
    private final Set<String> deny;

    StringDecoder(String path, List<Scanner> scanners, List<String> allow, List<String> deny) {
      super(path);
      this.scanners = scanners.toArray(new Scanner[0]);
      this.allow = Set.copyOf(allow);
      this.deny = Set.copyOf(deny);
    }

    @Override
    DataType sparkType() {
      return DataTypes.StringType;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        throw mismatch("a string", p);
      }
      String text = scalarText(p);
      if (text == null || text.isEmpty()) {
        return null;
      }
      if (!allow.isEmpty() && !allow.contains(text)) {
        throw RecordRejectedException.of("field %s: value \"%s\" is not one of the allowed values %s", path,
            abbreviate(text), allow);
      }
      if (deny.contains(text)) {
        throw RecordRejectedException.of("field %s: value \"%s\" is denied", path, abbreviate(text));
      }
      for (Scanner scanner : scanners) {
        scanner.scan(text, s.indicators);
      }
      return UTF8String.fromString(text);
    }
  }

  static final class IntegerDecoder extends ValueDecoder {
    private final DataType type;
    private final long min;
    private final long max;

    IntegerDecoder(String path, DataType type) {
      super(path);
      this.type = type;
      if (type == DataTypes.ShortType) {
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
      } else if (type == DataTypes.IntegerType) {
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
      } else {
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
      }
    }

    @Override
    DataType sparkType() {
      return type;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      long value;
      switch (p.currentToken()) {
        case VALUE_NULL:
          return null;
        case VALUE_NUMBER_INT:
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw mismatch("an integer in range", p);
          }
          value = p.getLongValue();
          break;
        case VALUE_STRING: {
          String text = p.getText().trim();
          if (text.isEmpty()) {
            return null;
          }
          try {
            value = Long.parseLong(text);
          } catch (NumberFormatException e) {
            throw mismatch("an integer", p);
          }
          break;
        }
        default:
          throw mismatch("an integer", p);
      }
      if (value < min || value > max) {
        throw RecordRejectedException.of("field %s: %d is out of range for %s", path, value, type.simpleString());
      }
      if (type == DataTypes.ShortType) {
        return (short) value;
      }
      return type == DataTypes.IntegerType ? (Object) (int) value : (Object) value;
    }
  }

  static final class FloatDecoder extends ValueDecoder {
    FloatDecoder(String path) {
      super(path);
    }

    @Override
    DataType sparkType() {
      return DataTypes.DoubleType;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      switch (p.currentToken()) {
        case VALUE_NULL:
          return null;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return p.getDoubleValue();
        case VALUE_STRING: {
          String text = p.getText().trim();
          if (text.isEmpty()) {
            return null;
          }
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw mismatch("a number", p);
          }
        }
        default:
          throw mismatch("a number", p);
      }
    }
  }

  static final class BooleanDecoder extends ValueDecoder {
    BooleanDecoder(String path) {
      super(path);
    }

    @Override
    DataType sparkType() {
      return DataTypes.BooleanType;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      switch (p.currentToken()) {
        case VALUE_NULL:
          return null;
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_STRING:
          // The spellings Go's strconv.ParseBool accepts, which is what Panther's decoder used.
          switch (p.getText().trim()) {
            case "":
              return null;
            case "1", "t", "T", "true", "TRUE", "True":
              return Boolean.TRUE;
            case "0", "f", "F", "false", "FALSE", "False":
              return Boolean.FALSE;
            default:
              throw mismatch("a boolean", p);
          }
        default:
          throw mismatch("a boolean", p);
      }
    }
  }

  static final class TimestampDecoder extends ValueDecoder {
    private final TimeFormat format;
    private final int eventTimeRank;
    /**
     * Panther's cloudflare codec wrote its values back at second precision (while the event time it derived kept
     * the full precision); the stored value does the same, so queries see what Panther users saw.
     */
    private final boolean wholeSeconds;

    /** @param eventTimeRank the position among event-time fields in schema order, or -1 when not an event time */
    TimestampDecoder(String path, TimeFormat format, int eventTimeRank) {
      super(path);
      this.format = format;
      this.eventTimeRank = eventTimeRank;
      this.wholeSeconds = format.spec().equals("cloudflare");
    }

    @Override
    DataType sparkType() {
      return DataTypes.TimestampType;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
        throw mismatch("a timestamp (" + format.spec() + ")", p);
      }
      String text = p.getText();
      if (text.isBlank()) {
        return null;
      }
      long micros;
      try {
        micros = format.parseMicros(text);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw RecordRejectedException.of("field %s: \"%s\" is not a timestamp in format %s", path,
            abbreviate(text), format.spec());
      }
      // Panther treats a zero time as absent when choosing the event time.
      if (eventTimeRank >= 0 && micros != 0) {
        s.offerEventTime(eventTimeRank, micros);
      }
      return wholeSeconds ? micros - Math.floorMod(micros, 1_000_000L) : micros;
    }
  }

  /** Raw JSON kept as text; string values inside it may feed the log type's extra indicators. */
  static final class JsonDecoder extends ValueDecoder {
    private final ExtraIndicators extra;

    JsonDecoder(String path, ExtraIndicators extra) {
      super(path);
      this.extra = extra;
    }

    @Override
    DataType sparkType() {
      return DataTypes.StringType;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return null;
      }
      JsonGenerator g = s.beginRaw();
      copy(p, g, s);
      return UTF8String.fromString(s.endRaw());
    }

    private void copy(JsonParser p, JsonGenerator g, DecodeState s) throws IOException {
      int depth = 0;
      do {
        JsonToken t = p.currentToken();
        switch (t) {
          case START_OBJECT -> {
            g.writeStartObject();
            depth++;
          }
          case START_ARRAY -> {
            g.writeStartArray();
            depth++;
          }
          case END_OBJECT -> {
            g.writeEndObject();
            depth--;
          }
          case END_ARRAY -> {
            g.writeEndArray();
            depth--;
          }
          case FIELD_NAME -> g.writeFieldName(p.getCurrentName());
          case VALUE_STRING -> {
            String text = p.getText();
            g.writeString(text);
            if (extra != ExtraIndicators.NONE && !text.isEmpty()) {
              JsonStreamContext context = p.getParsingContext();
              JsonStreamContext parent = context.getParent();
              extra.scan(parent == null ? null : parent.getCurrentName(),
                  context.inObject() ? p.getCurrentName() : null, text, s.indicators);
            }
          }
          default -> g.copyCurrentEvent(p);
        }
      } while (depth > 0 && p.nextToken() != null);
    }
  }

  static final class ArrayDecoder extends ValueDecoder {
    private final ValueDecoder element;
    private final DataType type;

    ArrayDecoder(String path, ValueDecoder element) {
      super(path);
      this.element = element;
      this.type = DataTypes.createArrayType(element.sparkType(), true);
    }

    @Override
    DataType sparkType() {
      return type;
    }

    ValueDecoder element() {
      return element;
    }

    @Override
    Object decode(JsonParser p, DecodeState s) throws IOException, RecordRejectedException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t != JsonToken.START_ARRAY) {
        throw mismatch("an array", p);
      }
      List<Object> values = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(element.decode(p, s));
      }
      return new GenericArrayData(values.toArray());
    }
  }
}
