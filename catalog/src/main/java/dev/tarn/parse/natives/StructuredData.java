package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordRejectedException;

/**
 * Reads RFC 5424 structured data, {@code [id param="value" ...][id2 ...]}, into {@code {id: {param: value}}}.
 * Inside values {@code \"}, {@code \\} and {@code \]} are escapes; any other backslash is kept, as the RFC says.
 * An element id that repeats adds its parameters to the first one.
 */
final class StructuredData {

  private StructuredData() {}

  static ObjectNode read(SyslogCursor in) throws RecordRejectedException {
    ObjectNode elements = JsonNodeFactory.instance.objectNode();
    if (in.peek() != '[') {
      throw in.fail("structured data ('[' or '-')");
    }
    while (in.peek() == '[') {
      in.skip();
      String id = in.until(" ]", "a structured data id");
      ObjectNode params = elements.get(id) instanceof ObjectNode existing ? existing : elements.putObject(id);
      while (in.peek() == ' ') {
        in.skip();
        String name = in.until("= ]\"", "a parameter name");
        in.expect('=', "'=' after parameter " + name);
        in.expect('"', "'\"' opening the value of " + name);
        params.put(name, value(in, name));
      }
      in.expect(']', "']' closing structured data element " + id);
    }
    return elements;
  }

  private static String value(SyslogCursor in, String name) throws RecordRejectedException {
    StringBuilder value = new StringBuilder();
    while (true) {
      if (in.atEnd()) {
        throw in.fail("'\"' closing the value of " + name);
      }
      char c = in.peek();
      in.skip();
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && (in.peek() == '"' || in.peek() == '\\' || in.peek() == ']')) {
        value.append(in.peek());
        in.skip();
      } else {
        value.append(c);
      }
    }
  }
}
