package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AWS Application Load Balancer access logs (AWS.ALB): space-separated with quoted fields, 25 columns in the order
 * AWS documents. Columns AWS added later (target lists, classification, connection trace id) are not in the schema
 * and are ignored.
 */
public final class AlbRecordParser implements RecordParser {
  private static final int MIN_COLUMNS = 25;

  private static final Set<String> REQUEST_TYPES = Set.of("http", "https", "h2", "grpcs", "ws", "wss");

  private final FieldScanner scanner = new FieldScanner(false);
  private final List<String> columns = new ArrayList<>();

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    columns.clear();
    scanner.reset(line);
    while (scanner.hasNext()) {
      columns.add(scanner.next());
    }
    if (columns.size() < MIN_COLUMNS) {
      throw RecordRejectedException.of(
          "expected at least %d space-separated columns, found %d", MIN_COLUMNS, columns.size());
    }
    String type = columns.get(0);
    if (!REQUEST_TYPES.contains(type)) {
      throw RecordRejectedException.of("unknown ALB request type '%s' (expected one of %s)", type, REQUEST_TYPES);
    }
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", type);
    event.put("timestamp", Rfc3339.fromRfc3339("timestamp", columns.get(1)));
    NilValue.put(event, "elb", columns.get(2));
    putAddress(event, "clientIp", "clientPort", columns.get(3));
    putAddress(event, "targetIp", "targetPort", columns.get(4));
    NilValue.put(event, "requestProcessingTime", columns.get(5));
    NilValue.put(event, "targetProcessingTime", columns.get(6));
    NilValue.put(event, "responseProcessingTime", columns.get(7));
    NilValue.put(event, "elbStatusCode", columns.get(8));
    NilValue.put(event, "targetStatusCode", columns.get(9));
    NilValue.put(event, "receivedBytes", columns.get(10));
    NilValue.put(event, "sentBytes", columns.get(11));
    putRequest(event, columns.get(12));
    NilValue.put(event, "userAgent", columns.get(13));
    NilValue.put(event, "sslCipher", columns.get(14));
    NilValue.put(event, "sslProtocol", columns.get(15));
    NilValue.put(event, "targetGroupArn", columns.get(16));
    NilValue.put(event, "traceId", columns.get(17));
    NilValue.put(event, "domainName", columns.get(18));
    NilValue.put(event, "chosenCertArn", columns.get(19));
    NilValue.put(event, "matchedRulePriority", columns.get(20));
    if (!NilValue.isNil(columns.get(21))) {
      event.put("requestCreationTime", Rfc3339.fromRfc3339("request_creation_time", columns.get(21)));
    }
    putActions(event, columns.get(22));
    NilValue.put(event, "redirectUrl", columns.get(23));
    NilValue.put(event, "errorReason", columns.get(24));
    return List.of(event);
  }

  /** {@code 192.168.131.39:2817}, {@code [2001:db8::1]:443}, or a bare address when there is no single port. */
  private static void putAddress(ObjectNode event, String ipField, String portField, String value) {
    if (NilValue.isNil(value)) {
      return;
    }
    int colon = value.lastIndexOf(':');
    if (value.startsWith("[") && colon > 0 && value.charAt(colon - 1) == ']') {
      event.put(ipField, value.substring(1, colon - 1));
      NilValue.put(event, portField, value.substring(colon + 1));
    } else if (colon > 0 && value.indexOf(':') == colon) {
      event.put(ipField, value.substring(0, colon));
      NilValue.put(event, portField, value.substring(colon + 1));
    } else {
      event.put(ipField, value);
    }
  }

  /** The request line {@code "GET http://host:80/path HTTP/1.1"}; AWS logs {@code -} for parts it could not read. */
  private static void putRequest(ObjectNode event, String request) throws RecordRejectedException {
    int first = request.indexOf(' ');
    int last = request.lastIndexOf(' ');
    if (first < 0 || first == last || request.indexOf(' ', first + 1) != last) {
      throw RecordRejectedException.of(
          "invalid ALB request '%s' (expected \"METHOD URL VERSION\" separated by single spaces)", request);
    }
    NilValue.put(event, "requestHttpMethod", request.substring(0, first));
    NilValue.put(event, "requestUrl", request.substring(first + 1, last));
    NilValue.put(event, "requestHttpVersion", request.substring(last + 1));
  }

  private static void putActions(ObjectNode event, String actions) {
    if (NilValue.isNil(actions)) {
      return;
    }
    ArrayNode array = event.putArray("actionsExecuted");
    int start = 0;
    while (true) {
      int comma = actions.indexOf(',', start);
      String action = actions.substring(start, comma < 0 ? actions.length() : comma);
      if (!action.isEmpty()) {
        array.add(action);
      }
      if (comma < 0) {
        return;
      }
      start = comma + 1;
    }
  }
}
