package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordRejectedException;

/**
 * The {@code <PRI>} that opens every syslog line, RFC 5424 and RFC 3164 alike: facility * 8 + severity, one to three
 * digits. Its failures name no RFC, since both formats share it.
 */
final class SyslogPriority {
  private static final int MAX_PRIORITY = 191;
  private static final int MAX_DIGITS = 3;

  private SyslogPriority() {}

  /** Reads {@code <PRI>} at the cursor and puts {@code priority}, {@code facility} and {@code severity}. */
  static void read(SyslogCursor in, ObjectNode event) throws RecordRejectedException {
    if (in.peek() != '<' || in.atEnd()) {
      throw malformed();
    }
    in.skip();
    int priority = 0;
    int digits = 0;
    while (digits < MAX_DIGITS && !in.atEnd() && Character.isDigit(in.peek())) {
      priority = priority * 10 + (in.peek() - '0');
      in.skip();
      digits++;
    }
    if (digits == 0 || in.peek() != '>' || in.atEnd()) {
      throw malformed();
    }
    in.skip();
    if (priority > MAX_PRIORITY) {
      throw RecordRejectedException.of("invalid syslog priority %d (must be 0..%d)", priority, MAX_PRIORITY);
    }
    event.put("priority", Integer.toString(priority));
    event.put("facility", Integer.toString(priority / 8));
    event.put("severity", Integer.toString(priority % 8));
  }

  private static RecordRejectedException malformed() {
    return RecordRejectedException.of("invalid syslog line: expected '<PRI>' (1 to 3 digits) at the start");
  }
}
