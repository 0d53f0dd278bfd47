package dev.tarn.logschema.infer;

import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.logschema.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns merged {@link ValueProfile}s into schema fields. Choices, and why:
 *
 * <ul>
 *   <li>Integers become {@code bigint}, never {@code int}: a sample rarely shows a counter's or an id's full range,
 *       and Panther refuses type changes when a schema is updated, so a too-narrow guess could not be fixed later.
 *   <li>Integers and decimals mixed become {@code float}; other scalar mixes become {@code string}, which the decoder
 *       fills from numbers and booleans too. Any mix with objects or arrays becomes {@code json}.
 *   <li>Numbers in strings stay {@code string}, unless the key names a time and every value is an epoch.
 *   <li>Objects whose keys are data (more than {@value #MAX_OBJECT_KEYS} distinct keys, or mostly IPs, ids, hashes,
 *       numbers) become {@code json}, as do places that only held nulls or empty arrays/objects; those fields carry a
 *       description saying so, for the reviewer.
 * </ul>
 */
final class SchemaBuilder {
  static final int MAX_OBJECT_KEYS = 50;
  private static final Pattern DATA_KEY = Pattern.compile(
      "^(\\d+|[0-9a-fA-F]{16,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[^@\\s]+@[^@\\s]+)$");

  private SchemaBuilder() {}

  /** The fields of the top-level objects described by {@code events}. */
  static List<FieldSchema> fields(ValueProfile events) {
    List<FieldSchema> fields = new ArrayList<>();
    for (Map.Entry<String, ValueProfile> e : events.fields.entrySet()) {
      ValueProfile p = e.getValue();
      Typed typed = value(KeyName.of(e.getKey()), p);
      boolean required = p.observed == events.objects && p.nulls == 0 && p.empties == 0;
      fields.add(new FieldSchema(e.getKey(), typed.note(), required, typed.value()));
    }
    return fields;
  }

  /** A value's schema and, when the guess needs a human, why. */
  private record Typed(ValueSchema value, String note) {
    static Typed of(ValueType type) {
      return new Typed(ValueSchema.of(type), null);
    }

    static Typed json(String note) {
      return new Typed(ValueSchema.of(ValueType.JSON), note);
    }
  }

  private static Typed value(KeyName key, ValueProfile p) {
    if (p.values() == 0) {
      return Typed.json("Only null values in the samples; set the type.");
    }
    boolean scalarsOnly = p.objects == 0 && p.arrays == 0;
    long kinds = count(p.booleans, p.integers + p.floats, p.strings, p.objects, p.arrays);
    if (kinds > 1) {
      return scalarsOnly ? Typed.of(ValueType.STRING)
          : Typed.json("Values of different kinds (objects, arrays, scalars) in the samples.");
    }
    if (p.booleans > 0) {
      return Typed.of(ValueType.BOOLEAN);
    }
    if (p.integers + p.floats > 0) {
      String unit = key.suggestsTime() ? epochUnit(p.minNumber, p.maxNumber) : null;
      if (unit != null) {
        return timestamp(unit);
      }
      return Typed.of(p.floats > 0 ? ValueType.FLOAT : ValueType.BIGINT);
    }
    if (p.strings > 0) {
      return string(key, p);
    }
    if (p.objects > 0) {
      return object(p);
    }
    return array(key, p);
  }

  private static long count(long... kinds) {
    long n = 0;
    for (long k : kinds) {
      n += k > 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * The epoch unit whose range of plausible dates (1973 to 2286) holds both values, or null. Units are a thousand
   * apart and each range spans a hundred, so no value fits two.
   */
  static String epochUnit(double min, double max) {
    String unit = epochUnit(min);
    return unit != null && unit.equals(epochUnit(max)) ? unit : null;
  }

  private static String epochUnit(double value) {
    String[] units = {"unix", "unix_ms", "unix_us", "unix_ns"};
    double low = 1e8;
    for (String unit : units) {
      if (value >= low && value < low * 100) {
        return unit;
      }
      low *= 1000;
    }
    return null;
  }

  private static Typed timestamp(String timeFormat) {
    return new Typed(new ValueSchema(ValueType.TIMESTAMP, List.of(), null, null, List.of(), List.of(), List.of(),
        timeFormat, false), null);
  }

  private static Typed string(KeyName key, ValueProfile p) {
    if (p.nonEmptyStrings == 0) {
      return Typed.of(ValueType.STRING);
    }
    if (p.allStrings(StringShape.RFC3339)) {
      return timestamp("rfc3339");
    }
    if (p.allStrings(StringShape.DATE_TIME)) {
      return timestamp(StringShape.DATE_TIME_FORMAT);
    }
    if (p.allStrings(StringShape.DIGITS) && key.suggestsTime()) {
      String unit = epochUnit(p.minDigits, p.maxDigits);
      if (unit != null) {
        return timestamp(unit);
      }
    }
    Set<String> indicators = new LinkedHashSet<>();
    if (p.allStrings(StringShape.IP) || key.suggestsIp() && p.ipStrings * 2 > p.nonEmptyStrings) {
      indicators.add("ip");
    }
    if (p.allStrings(StringShape.EMAIL)) {
      indicators.add("email");
    }
    if (p.allStrings(StringShape.AWS_ARN)) {
      indicators.add("aws_arn");
    }
    if (p.allStrings(StringShape.AWS_ACCOUNT_ID) && key.suggestsAccount()) {
      indicators.add("aws_account_id");
    }
    if (key.suggestsUsername()) {
      indicators.add("username");
    }
    if (key.suggestsHostname() && !indicators.contains("ip")) {
      indicators.add("hostname");
    }
    if (p.allStrings(StringShape.HTTP_URL) && key.suggestsUrl()) {
      indicators.add("url");
    }
    if (p.allStrings(StringShape.MD5)) {
      indicators.add("md5");
    } else if (p.allStrings(StringShape.SHA1)) {
      indicators.add("sha1");
    } else if (p.allStrings(StringShape.SHA256)) {
      indicators.add("sha256");
    }
    return new Typed(new ValueSchema(ValueType.STRING, List.of(), null, null, List.copyOf(indicators), List.of(),
        List.of(), null, false), null);
  }

  private static Typed object(ValueProfile p) {
    if (p.fields.isEmpty()) {
      return Typed.json("Only empty objects in the samples; set the type.");
    }
    long dataKeys = p.fields.keySet().stream()
        .filter(k -> DATA_KEY.matcher(k).matches() || dev.tarn.indicator.IpAddress.isValid(k)).count();
    if (p.fields.size() > MAX_OBJECT_KEYS || dataKeys * 2 >= p.fields.size()) {
      return Typed.json("Keys look like data (ids, addresses or many distinct names), so kept as JSON.");
    }
    return new Typed(new ValueSchema(ValueType.OBJECT, fields(p), null, null, List.of(), List.of(), List.of(), null,
        false), null);
  }

  private static Typed array(KeyName key, ValueProfile p) {
    if (p.element == null || p.element.values() == 0) {
      return Typed.json("Only empty arrays (or arrays of nulls) in the samples; set the element type.");
    }
    Typed element = value(key, p.element);
    if (element.note() != null) {
      return Typed.json("Array elements: " + element.note());
    }
    return new Typed(new ValueSchema(ValueType.ARRAY, List.of(), element.value(), null, List.of(), List.of(),
        List.of(), null, false), null);
  }
}
