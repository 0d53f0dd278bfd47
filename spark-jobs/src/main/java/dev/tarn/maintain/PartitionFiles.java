package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small files of one partition.
 *
 * @param values partition column to value, in the table's partition column order (a value may be null)
 * @param smallFiles active files below the small-file size
 * @param smallBytes their total size
 */
public record PartitionFiles(Map<String, String> values, long smallFiles, long smallBytes) {
  public PartitionFiles {
    // LinkedHashMap copy: Map.copyOf would lose the column order and reject null partition values.
    values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
  }

  /** A SQL predicate selecting exactly this partition (true for an unpartitioned table). */
  public String predicate() {
    if (values.isEmpty()) {
      return "true";
    }
    List<String> terms = new ArrayList<>();
    values.forEach((column, value) -> terms.add(value == null
        ? "`" + column + "` IS NULL"
        : "`" + column + "` = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"));
    return String.join(" AND ", terms);
  }

  /** {@code p_date=2024-03-01}, or {@code (table)} when unpartitioned. */
  public String label() {
    if (values.isEmpty()) {
      return "(table)";
    }
    List<String> parts = new ArrayList<>();
    values.forEach((column, value) -> parts.add(column + "=" + value));
    return String.join("/", parts);
  }
}
