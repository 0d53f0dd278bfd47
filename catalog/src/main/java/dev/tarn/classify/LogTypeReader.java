package dev.tarn.classify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.decode.DecodeState;
import dev.tarn.decode.EventDecoder;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads records of one log type within one file: parses, decodes and normalizes them into table rows (event
 * columns plus p_* columns). Holds the per-file state of the type's text parser.
 */
public final class LogTypeReader {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final LogType type;
  private final RecordParser textParser;
  private final EventDecoder decoder;
  private final UTF8String logTypeName;
  private final int eventWidth;
  private final int tableWidth;

  LogTypeReader(LogType type, RecordParser textParser) {
    this.type = type;
    this.textParser = textParser;
    this.decoder = type.decoder();
    this.logTypeName = UTF8String.fromString(type.name());
    this.eventWidth = decoder.width();
    this.tableWidth = type.tableType().size();
  }

  public LogType type() {
    return type;
  }

  /**
   * Reads one record, appending its rows to {@code out}. On rejection nothing is appended: a record is accepted
   * whole or not at all.
   */
  public void read(String record, long recordNumber, RowContext ctx, DecodeState state, List<InternalRow> out)
      throws RecordRejectedException {
    int mark = out.size();
    try {
      if (textParser != null) {
        List<ObjectNode> objects = textParser.parse(record);
        for (int i = 0; i < objects.size(); i++) {
          try (JsonParser p = objects.get(i).traverse()) {
            p.nextToken();
            out.add(decode(p, recordNumber, i, ctx, state));
          }
        }
      } else {
        readJson(record, recordNumber, ctx, state, out);
      }
    } catch (RecordRejectedException e) {
      truncate(out, mark);
      throw e;
    } catch (IOException | RuntimeException e) {
      truncate(out, mark);
      throw new RecordRejectedException(describe(e));
    }
  }

  private void readJson(String record, long recordNumber, RowContext ctx, DecodeState state, List<InternalRow> out)
      throws IOException, RecordRejectedException {
    try (JsonParser p = LogType.JSON.createParser(record)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RecordRejectedException("not a JSON object");
      }
      if (type.recordsWrapped()) {
        // {"Records": [...]} holds many events; anything else is one event.
        try (JsonParser peek = LogType.JSON.createParser(record)) {
          peek.nextToken();
          if (peek.nextToken() == JsonToken.FIELD_NAME && "Records".equals(peek.getCurrentName())
              && peek.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            p.nextToken();
            readRecordsArray(p, recordNumber, ctx, state, out);
            if (p.nextToken() != JsonToken.END_OBJECT) {
              throw new RecordRejectedException("unexpected keys after \"Records\" in a Records object");
            }
            expectEnd(p);
            return;
          }
        }
      }
      out.add(decode(p, recordNumber, 0, ctx, state));
      expectEnd(p);
    }
  }

  /** Decodes the elements of a Records array; the parser is on START_ARRAY and is left on END_ARRAY. */
  public void readRecordsArray(JsonParser p, long recordNumber, RowContext ctx, DecodeState state,
      List<InternalRow> out) throws IOException, RecordRejectedException {
    int index = 0;
    while (p.nextToken() == JsonToken.START_OBJECT) {
      out.add(decode(p, recordNumber, index++, ctx, state));
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new RecordRejectedException("\"Records\" must be an array of JSON objects");
    }
  }

  /** Decodes one event object (parser on START_OBJECT) into a normalized table row. */
  public InternalRow decode(JsonParser p, long recordNumber, int index, RowContext ctx, DecodeState state)
      throws IOException, RecordRejectedException {
    Object[] values = new Object[tableWidth];
    decoder.decode(p, state, values);
    int i = eventWidth;
    long eventTime = state.hasEventTime() ? state.eventTimeMicros() : ctx.parseTimeMicros;
    values[i++] = logTypeName;
    values[i++] = ctx.rowId(recordNumber, index);
    values[i++] = eventTime;
    values[i++] = ctx.parseTimeMicros;
    values[i++] = ctx.sourceId;
    values[i++] = ctx.sourceLabel;
    for (IndicatorKind kind : type.indicatorColumns()) {
      List<String> found = state.indicators().values(kind);
      if (!found.isEmpty()) {
        Object[] items = new Object[found.size()];
        for (int k = 0; k < items.length; k++) {
          items[k] = UTF8String.fromString(found.get(k));
        }
        values[i] = new GenericArrayData(items);
      }
      i++;
    }
    values[i] = (int) Math.floorDiv(eventTime, MICROS_PER_DAY);
    return new GenericInternalRow(values);
  }

  private static void expectEnd(JsonParser p) throws IOException, RecordRejectedException {
    if (p.nextToken() != null) {
      throw new RecordRejectedException("unexpected content after the JSON object");
    }
  }

  private static void truncate(List<InternalRow> out, int size) {
    while (out.size() > size) {
      out.remove(out.size() - 1);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    return e instanceof IOException ? "invalid JSON: " + message : "parser failure: " + message;
  }
}
