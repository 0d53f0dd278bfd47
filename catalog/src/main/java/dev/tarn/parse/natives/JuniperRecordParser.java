package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordParser;
import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.text.TextLines;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The logs of Juniper web application security (JWAS/Mykonos): Juniper.Access, .Audit, .Firewall, .MWS, .Postgres
 * and .Security. All share a year-less syslog header ({@link JuniperHeader}); each kind has its own body, read
 * here with a hand-written cursor.
 *
 * <p>An access record of a request that was logged with its HTTP request (method line, headers, body) spans several
 * lines. Those continuation lines carry no fields of the schema, so after an access header line every following
 * line that does not start a new header is accepted without events, and the access event stands for the whole
 * record.
 */
public final class JuniperRecordParser implements RecordParser {
  private static final Set<String> OTHER_KINDS = Set.of("mws-access", "mws-audit", "mws-security-alert");
  private static final Set<String> FIREWALL_FLAGS = Set.of("RST", "SYN", "DF");
  private static final Map<String, String> SECURITY_KEYS = Map.ofEntries(
      Map.entry("category", "category"),
      Map.entry("type", "incident"),
      Map.entry("severity", "severity"),
      Map.entry("profileid", "profile_id"),
      Map.entry("profilename", "profile_name"),
      Map.entry("pubkey", "pubkey"),
      Map.entry("srcip", "source_ip"),
      Map.entry("useragent", "user_agent"),
      Map.entry("url", "url"),
      Map.entry("count", "count"),
      Map.entry("fakeresponse", "fake_response"),
      Map.entry("responsecode", "response_code"),
      Map.entry("responsename", "response_name"),
      Map.entry("responsecreated", "created_date"),
      Map.entry("responsedelayed", "delay_date"),
      Map.entry("responseexpires", "expiration_date"),
      Map.entry("responseconfig", "response_config"),
      Map.entry("silentrunning", "silent_running"));
  private static final Set<String> SECURITY_DATES = Set.of("created_date", "delay_date", "expiration_date");

  /** The log kinds, by the log type they parse. */
  public enum Kind { ACCESS, AUDIT, FIREWALL, MWS, POSTGRES, SECURITY }

  private final Kind kind;
  private final JuniperHeader header;
  private boolean inAccessRecord;

  public JuniperRecordParser(Kind kind, Clock clock) {
    this.kind = kind;
    this.header = new JuniperHeader(clock);
  }

  @Override
  public List<ObjectNode> parse(String line) throws RecordRejectedException {
    TextLines.refuseJson(line);
    if (kind == Kind.ACCESS && inAccessRecord && !JuniperHeader.startsWithMonth(line)) {
      return List.of();
    }
    inAccessRecord = false;
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    Body body = new Body(line, header.read(line, event));
    switch (kind) {
      case ACCESS -> access(body, event);
      case AUDIT -> audit(body, event);
      case FIREWALL -> firewall(body, event);
      case MWS -> mws(body, event);
      case POSTGRES -> postgres(body, event);
      case SECURITY -> security(body, event);
    }
    inAccessRecord = kind == Kind.ACCESS;
    return List.of(event);
  }

  /** {@code [INFO][mws-access][se-request-6] key:<id>,<stage>,<proxy client ip>,<url>} */
  private static void access(Body in, ObjectNode event) throws RecordRejectedException {
    event.put("log_level", in.bracketed("the log level"));
    String type = in.bracketed("the log name");
    if (!"mws-access".equals(type)) {
      throw in.fail("[mws-access]");
    }
    event.put("type", type);
    event.put("thread", in.bracketed("the thread"));
    in.skipSpaces();
    in.literal("key:");
    NilValue.put(event, "unique_request_key", in.until(','));
    NilValue.put(event, "stage", in.until(','));
    NilValue.put(event, "proxy_client_ip", in.until(','));
    NilValue.put(event, "url", in.rest());
  }

  /** {@code [mws-audit][INFO] [user or api key] [login ip] message}, the ip being optional. */
  private static void audit(Body in, ObjectNode event) throws RecordRejectedException {
    if (!"mws-audit".equals(in.bracketed("the log name"))) {
      throw in.fail("[mws-audit]");
    }
    event.put("log_level", in.bracketed("the log level"));
    in.skipSpaces();
    String who = in.bracketed("the user name or API key");
    event.put(isApiKey(who) ? "api_key" : "username", who);
    in.skipSpaces();
    if (in.peek() == '[') {
      event.put("login_ip", in.bracketed("the login address"));
    }
    in.skipSpaces();
    NilValue.put(event, "message", in.rest());
  }

  private static boolean isApiKey(String value) {
    if (value.length() != 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.digit(value.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code kernel: IPTABLES Dropped: IN=eth0 OUT= ... DF PROTO=TCP ... SYN URGP=0} */
  private static void firewall(Body in, ObjectNode event) throws RecordRejectedException {
    in.literal("kernel: ");
    event.put("event", in.until(':'));
    for (String token : in.rest().split(" ")) {
      int eq = token.indexOf('=');
      if (eq < 0) {
        if (FIREWALL_FLAGS.contains(token)) {
          event.put(token, "true");
        }
      } else if (eq + 1 < token.length() && !event.has(token.substring(0, eq))) {
        // UDP lines log LEN twice (IP, then UDP); the first is the packet's.
        event.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
  }

  /** {@code [INFO][service][component] message} or {@code [service]: message}; level and component optional. */
  private static void mws(Body in, ObjectNode event) throws RecordRejectedException {
    String first = in.bracketed("the log level or service name");
    String service = first;
    if (isLogLevel(first) && in.peek() == '[') {
      event.put("log_level", first);
      service = in.bracketed("the service name");
    }
    if (OTHER_KINDS.contains(service)) {
      throw RecordRejectedException.of("a [%s] line is not an MWS service log", service);
    }
    event.put("service_name", service);
    if (in.peek() == '[') {
      event.put("service_component", in.bracketed("the service component"));
    }
    if (in.peek() == ':') {
      in.skip();
    }
    in.skipSpaces();
    NilValue.put(event, "log_message", in.rest());
  }

  private static boolean isLogLevel(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isUpperCase(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code postgres[7694]: [10-1] 42701 530b5e00.1e0e ERROR: message} */
  private static void postgres(Body in, ObjectNode event) throws RecordRejectedException {
    in.literal("postgres");
    event.put("pid", in.bracketed("the process id"));
    in.literal(": ");
    String group = in.bracketed("the message group");
    int dash = group.indexOf('-');
    if (dash < 0) {
      throw in.fail("a message group such as [10-1]");
    }
    event.put("group_id_major", group.substring(0, dash));
    event.put("group_id_minor", group.substring(dash + 1));
    in.skipSpaces();
    event.put("sql_error_code", in.until(' '));
    event.put("session_id", in.until(' '));
    event.put("message_type", in.until(':'));
    in.skipSpaces();
    NilValue.put(event, "message", in.rest());
  }

  /** {@code [INFO][mws-security-alert][traffic-info] MKS_Category="..." MKS_SrcIP="..." ...} */
  private static void security(Body in, ObjectNode event) throws RecordRejectedException {
    event.put("log_level", in.bracketed("the log level"));
    if (!"mws-security-alert".equals(in.bracketed("the log name"))) {
      throw in.fail("[mws-security-alert]");
    }
    event.put("service", in.bracketed("the alert service"));
    in.skipSpaces();
    while (!in.atEnd()) {
      in.literal("MKS_");
      String key = in.until('=');
      String value = in.peek() == '"' ? in.quoted() : in.until(' ');
      String field = SECURITY_KEYS.get(key.toLowerCase(Locale.ROOT));
      if (field != null && !value.isEmpty() && !"null".equals(value)) {
        event.put(field, SECURITY_DATES.contains(field) ? spacedTime(field, value) : value);
      }
      in.skipSpaces();
    }
  }

  /** {@code 2014-10-13 16:33:54.0}, UTC as the rest of these logs. */
  private static String spacedTime(String field, String value) throws RecordRejectedException {
    return Rfc3339.fromRfc3339(field, value.replace(' ', 'T') + "Z");
  }

  /** A read position in the text after the header. */
  private static final class Body {
    private final String text;
    private int pos;

    Body(String text, int pos) {
      this.text = text;
      this.pos = pos;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    void skip() {
      pos++;
    }

    void skipSpaces() {
      while (peek() == ' ') {
        pos++;
      }
    }

    void literal(String expected) throws RecordRejectedException {
      if (!text.startsWith(expected, pos)) {
        throw fail("'" + expected + "'");
      }
      pos += expected.length();
    }

    String bracketed(String what) throws RecordRejectedException {
      int close = peek() == '[' ? text.indexOf(']', pos) : -1;
      if (close < 0) {
        throw fail("[" + what + "]");
      }
      String value = text.substring(pos + 1, close);
      pos = close + 1;
      return value;
    }

    String quoted() throws RecordRejectedException {
      int close = text.indexOf('"', pos + 1);
      if (close < 0) {
        throw fail("a closing quote");
      }
      String value = text.substring(pos + 1, close);
      pos = close + 1;
      return value;
    }

    /** Reads up to {@code stop} (or the end) and moves past it. */
    String until(char stop) {
      int end = text.indexOf(stop, pos);
      if (end < 0) {
        end = text.length();
      }
      String value = text.substring(pos, end);
      pos = Math.min(end + 1, text.length());
      return value;
    }

    String rest() {
      String rest = text.substring(Math.min(pos, text.length())).strip();
      pos = text.length();
      return rest;
    }

    RecordRejectedException fail(String expected) {
      return RecordRejectedException.of("invalid Juniper log line: expected %s at offset %d of '%s'", expected, pos,
          JuniperHeader.preview(text.substring(Math.min(pos, text.length()))));
    }
  }
}
