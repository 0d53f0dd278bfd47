package dev.tarn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares an actual normalized event with a golden one by the conformance rules: p_row_id present, p_parse_time
 * ignored, event time falling back to parse time, p_any arrays as sets, timestamps as instants (to Spark's
 * microsecond precision), and null or empty values the same as absent.
 */
final class GoldenComparison {
  private GoldenComparison() {}

  /** @return the differences, empty when the event matches. */
  static List<String> differences(JsonNode expected, ObjectNode actual) {
    List<String> diffs = new ArrayList<>();
    ObjectNode act = actual.deepCopy();
    if (act.path("p_row_id").asText().isEmpty()) {
      diffs.add("p_row_id is empty");
    }
    act.remove("p_row_id");
    JsonNode parseTime = act.remove("p_parse_time");
    ObjectNode exp = ((ObjectNode) expected).deepCopy();
    exp.remove("p_row_id");
    exp.remove("p_parse_time");
    if (!exp.has("p_event_time")) {
      if (!act.path("p_event_time").equals(parseTime)) {
        diffs.add("p_event_time " + act.path("p_event_time") + " should fall back to p_parse_time " + parseTime);
      }
      act.remove("p_event_time");
    }
    compare("", exp, act, diffs);
    return diffs;
  }

  private static void compare(String path, JsonNode exp, JsonNode act, List<String> diffs) {
    if (isEmpty(exp) && isEmpty(act)) {
      return;
    }
    if (isEmpty(exp) != isEmpty(act)) {
      diffs.add(path + ": expected " + exp + " but was " + act);
      return;
    }
    if (exp.isObject() && act.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      exp.fieldNames().forEachRemaining(keys::add);
      act.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        compare(path + "." + key, exp.path(key), act.path(key), diffs);
      }
      return;
    }
    if (exp.isArray() && act.isArray()) {
      if (path.startsWith(".p_any_")) {
        TreeSet<String> e = new TreeSet<>();
        TreeSet<String> a = new TreeSet<>();
        exp.forEach(n -> e.add(n.asText()));
        act.forEach(n -> a.add(n.asText()));
        if (!e.equals(a)) {
          diffs.add(path + ": expected " + e + " but was " + a);
        }
        return;
      }
      if (exp.size() != act.size()) {
        diffs.add(path + ": expected " + exp.size() + " items but was " + act.size() + ": " + act);
        return;
      }
      for (int i = 0; i < exp.size(); i++) {
        compare(path + "[" + i + "]", exp.get(i), act.get(i), diffs);
      }
      return;
    }
    if (exp.isNumber() && act.isNumber()) {
      if (exp.asDouble() != act.asDouble()) {
        diffs.add(path + ": expected " + exp + " but was " + act);
      }
      return;
    }
    if (exp.isNumber() && act.isTextual() && instant(act.asText()) != null) {
      // Panther writes unix-format timestamps back as numbers; compare them as instants in the unit they use.
      Instant a = instant(act.asText());
      long micros = ChronoUnit.MICROS.between(Instant.EPOCH, a);
      double e = exp.asDouble();
      if (e == micros / 1_000_000.0 || e == micros / 1000.0 || e == micros || e == micros * 1000.0) {
        return;
      }
    }
    if (exp.isTextual() && act.isTextual()) {
      if (exp.asText().equals(act.asText())) {
        return;
      }
      Instant e = instant(exp.asText());
      Instant a = instant(act.asText());
      if (e != null && a != null && e.truncatedTo(ChronoUnit.MICROS).equals(a.truncatedTo(ChronoUnit.MICROS))) {
        return;
      }
    }
    if (!exp.equals(act)) {
      diffs.add(path + ": expected " + exp + " but was " + act);
    }
  }

  private static boolean isEmpty(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isEmpty())
        || (n.isContainerNode() && n.isEmpty());
  }

  /**
   * Panther writes some timestamps back in their input layout (OneLogin's {@code 2020-04-15 22:51:24 UTC}, HTTP
   * dates in Cloudflare); Tarn stores instants. Both sides are read as instants in any of these layouts.
   */
  private static final List<DateTimeFormatter> LAYOUTS = List.of(
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS] z", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS] xx", Locale.ROOT));

  private static Instant instant(String text) {
    for (DateTimeFormatter layout : LAYOUTS) {
      try {
        return ZonedDateTime.parse(text, layout).toInstant();
      } catch (DateTimeParseException e) {
        // try the next layout
      }
    }
    return null;
  }
}
