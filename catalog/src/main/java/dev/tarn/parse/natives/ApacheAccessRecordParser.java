package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.List;

/**
 * Apache HTTP server access logs in the "common" format
 * ({@code %h %l %u %t "%r" %>s %b}, Apache.AccessCommon) or the "combined" one, which adds the quoted referer and
 * user agent (Apache.AccessCombined). Each format accepts exactly its own fields, so a combined line is never read
 * as a common one with the tail dropped.
 */
public final class ApacheAccessRecordParser implements RecordParser {
  private final boolean combined;
  private final FieldScanner scanner = new FieldScanner(true);

  /** @param combined true for the combined format, false for the common one */
  public ApacheAccessRecordParser(boolean combined) {
    this.combined = combined;
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    scanner.reset(line);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    NilValue.put(event, "remote_host_ip_address", scanner.nextBare());
    NilValue.put(event, "client_identity_rfc_1413", scanner.nextBare());
    NilValue.put(event, "request_user", scanner.nextBare());
    event.put("request_time", Rfc3339.fromCommonLogFormat("request_time", scanner.nextBracketed()));
    putRequestLine(event, scanner.nextQuoted());
    event.put("response_status", status(scanner.nextBare()));
    NilValue.put(event, "response_size", size(scanner.nextBare()));
    if (combined) {
      NilValue.put(event, "referer", scanner.nextQuoted());
      NilValue.put(event, "user_agent", scanner.nextQuoted());
    }
    if (scanner.hasNext()) {
      throw RecordRejectedException.of(
          "unexpected text after the %d fields of the Apache %s log format", scanner.fieldsRead(),
          combined ? "combined" : "common");
    }
    return List.of(event);
  }

  /**
   * {@code "GET /index.html HTTP/1.1"}. Apache writes {@code "-"} when no request line arrived (for example a
   * connection that timed out); such lines are kept, without request fields.
   */
  private static void putRequestLine(ObjectNode event, String requestLine) throws RecordRejectedException {
    String request = requestLine.strip();
    if (NilValue.isNil(request)) {
      return;
    }
    int first = request.indexOf(' ');
    int last = request.lastIndexOf(' ');
    String uri = first < last ? request.substring(first + 1, last).strip() : "";
    if (uri.isEmpty() || uri.indexOf(' ') >= 0) {
      throw RecordRejectedException.of(
          "invalid request line '%s' (expected \"METHOD URI PROTOCOL\")", requestLine);
    }
    event.put("request_method", request.substring(0, first));
    event.put("request_uri", uri);
    event.put("request_protocol", request.substring(last + 1));
  }

  private static String status(String value) throws RecordRejectedException {
    if (value.length() != 3 || !isDigits(value)) {
      throw RecordRejectedException.of("invalid response status '%s' (expected 3 digits)", value);
    }
    return value;
  }

  private static String size(String value) throws RecordRejectedException {
    if (!NilValue.DASH.equals(value) && !isDigits(value)) {
      throw RecordRejectedException.of("invalid response size '%s' (expected a number of bytes or '-')", value);
    }
    return value;
  }

  private static boolean isDigits(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
