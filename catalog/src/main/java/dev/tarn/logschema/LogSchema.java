package dev.tarn.logschema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A log type, in Panther's log-schema format: its name ({@code AWS.CloudTrail}, {@code Custom.MyApp}), how raw
 * records are parsed, and the fields of the events it produces.
 */
public record LogSchema(
    String name,
    String description,
    String referenceUrl,
    ParserSpec parser,
    Map<String, ValueSchema> definitions,
    List<FieldSchema> fields) implements java.io.Serializable {

  public LogSchema {
    requireNonNull(name, "name is null");
    requireNonNull(parser, "parser is null");
    definitions = Map.copyOf(definitions);
    fields = List.copyOf(fields);
  }

  /** Panther's table naming: lower case, dots become underscores ({@code AWS.CloudTrail → aws_cloudtrail}). */
  public String tableName() {
    return tableName(name);
  }

  public static String tableName(String logType) {
    return logType.toLowerCase(java.util.Locale.ROOT).replace('.', '_');
  }
}
