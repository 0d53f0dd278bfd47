package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.time.Clock;
import java.util.List;

/**
 * BSD syslog lines as RFC 3164 describes them (Syslog.RFC3164): {@code <PRI>Mmm dd hh:mm:ss host tag[pid]: msg}.
 * The header's time has no year and no zone: it is read as UTC in the current year, by the rule Juniper's
 * syslog-style header uses. The tag part is best effort, as senders vary: when the text after the host is not
 * {@code tag[pid]: } or {@code tag: }, all of it is the message.
 *
 * <p>The priority, time and host are required, so an RFC 5424 line ({@code <PRI>1 2003-10-11T...}) is refused.
 */
public final class Syslog3164RecordParser implements RecordParser {
  /** RFC 3164 section 4.1.3: the TAG is at most 32 characters. */
  private static final int MAX_TAG_LENGTH = 32;

  private final JuniperHeader header;

  /** @param clock supplies the year of the header's time */
  public Syslog3164RecordParser(Clock clock) {
    this.header = new JuniperHeader(clock);
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    SyslogCursor in = new SyslogCursor(line);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    SyslogPriority.read(in, event);
    String rest = in.rest();
    int messageStart;
    try {
      // The header reader wants a space after the host; a line may end at the host.
      messageStart = header.read(rest.endsWith(" ") ? rest : rest + " ", event);
    } catch (RecordRejectedException e) {
      throw RecordRejectedException.of(
          "invalid RFC 3164 syslog line: expected 'Mmm d hh:mm:ss host' after the priority, found '%s'",
          JuniperHeader.preview(rest));
    }
    if (messageStart < rest.length()) {
      putTagAndMessage(rest.substring(messageStart), event);
    }
    return List.of(event);
  }

  private static void putTagAndMessage(String text, ObjectNode event) {
    int tagEnd = 0;
    while (tagEnd < text.length() && tagEnd <= MAX_TAG_LENGTH && isTagChar(text.charAt(tagEnd))) {
      tagEnd++;
    }
    int pos = tagEnd;
    String procid = null;
    if (pos < text.length() && text.charAt(pos) == '[') {
      int close = text.indexOf(']', pos + 1);
      if (close > pos + 1) {
        procid = text.substring(pos + 1, close);
        pos = close + 1;
      }
    }
    boolean tagged = tagEnd > 0 && tagEnd <= MAX_TAG_LENGTH && pos < text.length() && text.charAt(pos) == ':';
    if (!tagged) {
      putMessage(text, event);
      return;
    }
    event.put("appname", text.substring(0, tagEnd));
    if (procid != null) {
      event.put("procid", procid);
    }
    pos++;
    if (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
    putMessage(text.substring(pos), event);
  }

  private static boolean isTagChar(char c) {
    return c > ' ' && c < 127 && c != ':' && c != '[' && c != ']';
  }

  private static void putMessage(String message, ObjectNode event) {
    if (!message.isEmpty()) {
      event.put("message", message);
    }
  }
}
