package dev.tarn.logschema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The shape of one value in a log schema.
 *
 * @param fields for {@code object}: its fields
 * @param element for {@code array}: the element's schema
 * @param target for {@code ref}: the name of a definition
 * @param indicators for {@code string}: scanner names ({@code ip}, {@code domain}, ...) filling {@code p_any_*}
 * @param allow for {@code string}: when non-empty, the only accepted values
 * @param deny for {@code string}: rejected values
 * @param timeFormat for {@code timestamp}: rfc3339, unix, unix_ms, unix_us, unix_ns, cloudflare, a strftime
 *     pattern or {@code layout=<Go layout>}
 * @param eventTime for {@code timestamp}: this value is a candidate for {@code p_event_time}
 */
public record ValueSchema(
    ValueType type,
    List<FieldSchema> fields,
    ValueSchema element,
    String target,
    List<String> indicators,
    List<String> allow,
    List<String> deny,
    String timeFormat,
    boolean eventTime) implements java.io.Serializable {

  public ValueSchema {
    requireNonNull(type, "type is null");
    fields = List.copyOf(fields);
    indicators = List.copyOf(indicators);
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }

  public static ValueSchema of(ValueType type) {
    return new ValueSchema(type, List.of(), null, null, List.of(), List.of(), List.of(), null, false);
  }
}
