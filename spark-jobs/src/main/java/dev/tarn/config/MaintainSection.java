package dev.tarn.config;

import dev.tarn.logschema.LogSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code maintain.*} and {@code retention} keys of tarn.yaml into a {@link MaintainConfig}. */
final class MaintainSection {
  private static final String FOREVER = "forever";

  private MaintainSection() {}

  static MaintainConfig parse(Map<String, Object> values, Map<String, String> origin) {
    MaintainConfig d = MaintainConfig.defaults();
    int minSmall = ConfigLoader.positiveInt(values, origin, "maintain.minSmallFiles", d.minSmallFiles());
    if (minSmall < 2) {
      throw ConfigLoader.invalid(origin, "maintain.minSmallFiles", values.get("maintain.minSmallFiles"));
    }
    Map<String, List<String>> zorderByTable = new LinkedHashMap<>();
    List<String> zorderBy = d.zorderBy();
    Object zorder = values.get("maintain.zorderBy");
    if (zorder instanceof Map<?, ?> perTable) {
      for (Map.Entry<?, ?> e : perTable.entrySet()) {
        List<String> columns = columns(e.getValue(), origin, zorder);
        String table = tableKey(e.getKey(), "maintain.zorderBy", origin, zorderByTable.keySet());
        if (table.equals(MaintainConfig.DEFAULT_KEY)) {
          zorderBy = columns;
        } else {
          zorderByTable.put(table, columns);
        }
      }
    } else if (zorder != null) {
      zorderBy = columns(zorder, origin, zorder);
    }
    return new MaintainConfig(
        interval(values, origin, d.interval()),
        ConfigLoader.bytes(values, origin, "maintain.smallFileBytes", d.smallFileBytes()),
        minSmall,
        zorderBy,
        zorderByTable,
        ConfigLoader.duration(values, origin, "maintain.vacuumRetention", d.vacuumRetention()),
        retention(values.get("retention"), origin));
  }

  /** Zero is allowed here: it turns the background maintenance of continuous ingest off. */
  private static Duration interval(Map<String, Object> values, Map<String, String> origin, Duration def) {
    Object value = values.get("maintain.interval");
    if (value == null) {
      return def;
    }
    if (value instanceof Number n && n.longValue() == 0) {
      return Duration.ZERO;
    }
    Duration d = ConfigLoader.parseDuration(value);
    if (d == null) {
      throw ConfigLoader.invalid(origin, "maintain.interval", value);
    }
    return d;
  }

  /** A list of column names (or one name); an empty list means plain compaction without ZORDER. */
  private static List<String> columns(Object value, Map<String, String> origin, Object whole) {
    if (value == null || value instanceof Map) {
      throw ConfigLoader.invalid(origin, "maintain.zorderBy", whole);
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    for (Object column : list) {
      if (!(column instanceof String name) || name.isBlank()) {
        throw ConfigLoader.invalid(origin, "maintain.zorderBy", whole);
      }
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static Map<String, Duration> retention(Object value, Map<String, String> origin) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ConfigLoader.invalid(origin, "retention", value);
    }
    Map<String, Duration> retention = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String table = tableKey(e.getKey(), "retention", origin, retention.keySet());
      Object period = e.getValue();
      Duration d = FOREVER.equals(period) ? MaintainConfig.FOREVER : ConfigLoader.parseDuration(period);
      if (d == null || d.isZero()) {
        throw new ConfigException(origin.get("retention") + ": invalid value for retention." + e.getKey() + ": '"
            + period + "' (expected a duration such as 90d, 365d, 12h, or 'forever')");
      }
      retention.put(table, d);
    }
    return retention;
  }

  /** Log type names and table names are both accepted: {@code AWS.CloudTrail} and {@code aws_cloudtrail} agree. */
  private static String tableKey(Object key, String section, Map<String, String> origin,
      Set<String> seen) {
    String name = String.valueOf(key).trim();
    String table = name.equalsIgnoreCase(MaintainConfig.DEFAULT_KEY) ? MaintainConfig.DEFAULT_KEY
        : LogSchema.tableName(name);
    if (name.isEmpty() || seen.contains(table)) {
      throw new ConfigException(origin.get(section) + ": " + section + ": '" + name + "' is empty or names table "
          + table + " twice (log type and table names are the same table: AWS.CloudTrail = aws_cloudtrail)");
    }
    return table;
  }
}
