package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.CsvLineSplitter;
import dev.tarn.parse.text.TextLines;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Aurora MySQL audit log lines (AWS.AuroraMySQLAudit), comma-separated:
 * {@code timestamp,serverhost,username,host,connectionid,queryid,operation,database,object,retcode}, the timestamp
 * in unix microseconds. The SQL text in {@code object} is not quoted consistently and may itself hold commas, so
 * every field between the database and the last one is joined back into it.
 */
public final class AuroraMySqlAuditRecordParser implements RecordParser {
  private static final int MIN_COLUMNS = 9;
  private static final int OBJECT = 8;

  private final CsvLineSplitter splitter = new CsvLineSplitter(',');
  private final List<String> fields = new ArrayList<>();

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    splitter.split(line, fields);
    if (fields.size() < MIN_COLUMNS) {
      throw RecordRejectedException.of(
          "invalid Aurora MySQL audit line: %d columns, expected at least %d", fields.size(), MIN_COLUMNS);
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("timestamp", fromUnixMicros(fields.get(0)));
    NilValue.put(event, "serverHost", fields.get(1));
    NilValue.put(event, "username", fields.get(2));
    NilValue.put(event, "host", fields.get(3));
    putInteger(event, "connectionId", fields.get(4));
    putInteger(event, "queryId", fields.get(5));
    String operation = fields.get(6);
    if (operation.isEmpty()) {
      throw RecordRejectedException.of("invalid Aurora MySQL audit line: the operation (column 7) is empty");
    }
    event.put("operation", operation);
    NilValue.put(event, "database", fields.get(7));
    int last = fields.size() - 1;
    String object = String.join(",", fields.subList(OBJECT, last));
    if (!object.isEmpty()) {
      event.put("object", object);
    }
    putInteger(event, "retCode", fields.get(last));
    return List.of(event);
  }

  private static String fromUnixMicros(String value) throws RecordRejectedException {
    try {
      return Rfc3339.format(Instant.EPOCH.plus(Long.parseLong(value), ChronoUnit.MICROS));
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      throw RecordRejectedException.of("invalid timestamp '%s' (expected unix microseconds)", value);
    }
  }

  private static void putInteger(ObjectNode event, String field, String value) throws RecordRejectedException {
    if (value.isEmpty()) {
      return;
    }
    try {
      Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw RecordRejectedException.of("invalid %s '%s' (expected an integer)", field, value);
    }
    event.put(field, value);
  }
}
