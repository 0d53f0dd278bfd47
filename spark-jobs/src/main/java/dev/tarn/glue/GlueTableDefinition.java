package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * A Delta table as Glue should describe it so Athena reads it natively: an external table with
 * {@code table_type=DELTA} at the table's S3 location (Athena takes the schema from the Delta log), plus the columns
 * with Glue types and the partition keys, for the console and engines that read the catalog's columns.
 */
public record GlueTableDefinition(String database, String name, String location, List<GlueColumn> columns,
    List<GlueColumn> partitionKeys) {
  public static final String TABLE_TYPE = "EXTERNAL_TABLE";
  /** Parameters gluesync owns; other parameters on an existing table are kept. */
  public static final Map<String, String> PARAMETERS = orderedParameters();
  /** Where Spark-based engines (EMR, Glue jobs) look for a Delta table's path. */
  static final String SERDE_PATH = "path";

  public GlueTableDefinition {
    requireNonNull(database, "database is null");
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    columns = List.copyOf(columns);
    partitionKeys = List.copyOf(partitionKeys);
  }

  private static Map<String, String> orderedParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("table_type", "DELTA");
    p.put("spark.sql.sources.provider", "delta");
    p.put("EXTERNAL", "TRUE");
    return Collections.unmodifiableMap(p);
  }

  /** Athena reads {@code s3://} locations; Hadoop's {@code s3a://} and {@code s3n://} name the same objects. */
  public static String glueLocation(String lakePath) {
    return lakePath.replaceFirst("^s3[an]://", "s3://");
  }

  /** The table input for CreateTable, or for UpdateTable keeping {@code existing}'s other parameters and owner. */
  public TableInput toTableInput(Table existing) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (existing != null && existing.hasParameters()) {
      parameters.putAll(existing.parameters());
    }
    parameters.putAll(PARAMETERS);
    TableInput.Builder input = TableInput.builder()
        .name(name)
        .tableType(TABLE_TYPE)
        .parameters(parameters)
        .partitionKeys(glueColumns(partitionKeys))
        .storageDescriptor(StorageDescriptor.builder()
            .columns(glueColumns(columns))
            .location(location)
            .serdeInfo(SerDeInfo.builder().parameters(Map.of(SERDE_PATH, location)).build())
            .build());
    if (existing != null) {
      input.description(existing.description()).owner(existing.owner());
    }
    return input.build();
  }

  /** How {@code existing} differs from this definition; empty when it is in sync. */
  public List<String> differences(Table existing) {
    List<String> out = new ArrayList<>();
    StorageDescriptor sd = existing.storageDescriptor();
    List<GlueColumn> theirColumns = sd == null || !sd.hasColumns() ? List.of() : fromGlue(sd.columns());
    out.addAll(columnDifferences("col", theirColumns, columns));
    List<GlueColumn> theirKeys = existing.hasPartitionKeys() ? fromGlue(existing.partitionKeys()) : List.of();
    List<String> keyDifferences = columnDifferences("partition key", theirKeys, partitionKeys);
    out.addAll(keyDifferences);
    if (out.isEmpty() && !normalized(theirColumns).equals(normalized(columns))) {
      out.add("columns reordered");
    }
    String theirLocation = sd == null ? null : sd.location();
    if (!location.equals(stripSlash(theirLocation))) {
      out.add("location " + theirLocation + " -> " + location);
    }
    if (!TABLE_TYPE.equals(existing.tableType())) {
      out.add("table type " + existing.tableType() + " -> " + TABLE_TYPE);
    }
    Map<String, String> theirParameters = existing.hasParameters() ? existing.parameters() : Map.of();
    PARAMETERS.forEach((key, value) -> {
      if (!value.equalsIgnoreCase(Objects.toString(theirParameters.get(key), ""))) {
        out.add("parameter " + key + "=" + value);
      }
    });
    return List.copyOf(out);
  }

  private static List<String> columnDifferences(String what, List<GlueColumn> theirs, List<GlueColumn> ours) {
    List<String> out = new ArrayList<>();
    Map<String, String> theirTypes = new HashMap<>();
    theirs.forEach(c -> theirTypes.put(c.name().toLowerCase(Locale.ROOT), c.type()));
    Set<String> ourNames = new HashSet<>();
    for (GlueColumn c : ours) {
      String key = c.name().toLowerCase(Locale.ROOT);
      ourNames.add(key);
      String theirType = theirTypes.get(key);
      if (theirType == null) {
        out.add("+" + what + " " + c);
      } else if (!theirType.replace(" ", "").equalsIgnoreCase(c.type())) {
        out.add("~" + what + " " + c.name() + " " + theirType + " -> " + c.type());
      }
    }
    for (GlueColumn c : theirs) {
      if (!ourNames.contains(c.name().toLowerCase(Locale.ROOT))) {
        out.add("-" + what + " " + c.name());
      }
    }
    return out;
  }

  /** Glue lower-cases column names and may space types differently; neither is a difference. */
  private static List<String> normalized(List<GlueColumn> columns) {
    return columns.stream().map(c -> (c.name() + ":" + c.type().replace(" ", "")).toLowerCase(Locale.ROOT)).toList();
  }

  private static String stripSlash(String location) {
    return location != null && location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  private static List<Column> glueColumns(List<GlueColumn> columns) {
    return columns.stream().map(c -> Column.builder().name(c.name()).type(c.type()).build()).toList();
  }

  private static List<GlueColumn> fromGlue(List<Column> columns) {
    return columns.stream().map(c -> new GlueColumn(c.name(), Objects.toString(c.type(), ""))).toList();
  }
}
