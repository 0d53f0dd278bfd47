package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.util.List;

/**
 * RFC 5424 syslog lines (Syslog.RFC5424):
 * {@code <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]}. The header fields use
 * {@code -} for "no value"; structured data becomes a nested object {@code {sdId: {param: value}}}.
 */
public final class Syslog5424RecordParser implements RecordParser {
  private static final char BOM = '\uFEFF';

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    String text = stripBom(line);
    TextLines.refuseJson(text);
    SyslogCursor in = new SyslogCursor(text);
    ObjectNode event = JsonNodeFactory.instance.objectNode();

    SyslogPriority.read(in, event);
    event.put("version", Integer.toString(in.number(3, "version")));

    in.expect(' ', "a space before the timestamp");
    String timestamp = in.word();
    if (!NilValue.isNil(timestamp)) {
      event.put("timestamp", Rfc3339.fromRfc3339("timestamp", timestamp));
    }
    for (String field : List.of("hostname", "appname", "procid", "msgid")) {
      in.expect(' ', "a space before the " + field);
      NilValue.put(event, field, in.word());
    }

    in.expect(' ', "a space before the structured data");
    if (in.peek() == '-') {
      in.skip();
    } else {
      event.set("structured_data", StructuredData.read(in));
    }

    if (!in.atEnd()) {
      in.expect(' ', "a space before the message");
      String message = stripBom(in.rest());
      if (!message.isEmpty()) {
        event.put("message", message);
      }
    }
    return List.of(event);
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
  }
}
