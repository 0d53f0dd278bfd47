package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.List;

/**
 * Nginx access logs in the predefined "combined" format (Nginx.Access):
 * {@code $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
 * "$http_user_agent"}. Unlike the Apache parsers the request line is kept whole, as Panther's schema has it.
 * A line must hold exactly these fields, so other space-separated formats are not read as nginx with a tail lost.
 */
public final class NginxAccessRecordParser implements RecordParser {
  private final FieldScanner scanner = new FieldScanner(true);

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    scanner.reset(line);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    NilValue.put(event, "remoteAddr", scanner.nextBare());
    String dash = scanner.nextBare();
    if (!NilValue.DASH.equals(dash)) {
      throw RecordRejectedException.of("invalid nginx combined line: expected '-' as the second field, found '%s'",
          dash);
    }
    NilValue.put(event, "remoteUser", scanner.nextBare());
    event.put("time", Rfc3339.fromCommonLogFormat("time", scanner.nextBracketed()));
    NilValue.put(event, "request", scanner.nextQuoted());
    event.put("status", digits("status", scanner.nextBare()));
    event.put("bodyBytesSent", digits("bodyBytesSent", scanner.nextBare()));
    NilValue.put(event, "httpReferer", scanner.nextQuoted());
    NilValue.put(event, "httpUserAgent", scanner.nextQuoted());
    if (scanner.hasNext()) {
      throw RecordRejectedException.of(
          "unexpected text after the %d fields of the nginx combined log format", scanner.fieldsRead());
    }
    return List.of(event);
  }

  private static String digits(String field, String value) throws RecordRejectedException {
    if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
      throw RecordRejectedException.of("invalid %s '%s' (expected a number)", field, value);
    }
    return value;
  }
}
