package dev.tarn.alerts.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;

/**
 * A Delta table written without Spark, partitioned by {@code p_date} like the findings tables: Parquet files through
 * Kernel's default Parquet writer, commit files written here, so a test controls every action (adds with or without
 * {@code dataChange}, removes, schema changes) and each commit's timestamp. Rows are JSON-like maps that must carry
 * {@code p_date}.
 */
public final class FixtureTable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Engine ENGINE = DefaultEngine.create(new Configuration());

  private final Path dir;
  private StructType schema;
  private long version = -1;
  /** Live data files (path relative to the table) and the rows each holds. */
  private final Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();

  private FixtureTable(Path dir, StructType schema) {
    this.dir = dir;
    this.schema = schema;
  }

  /** Creates the table at {@code <lakeRoot>/<kind's database>/<name>}: version 0 holds no data, as Spark's CREATE does. */
  public static FixtureTable create(Path lakeRoot, FindingKind kind, String name, StructType schema) {
    FixtureTable table = new FixtureTable(lakeRoot.resolve(kind.database()).resolve(name), schema);
    table.commit(List.of(
        Map.of("protocol", Map.of("minReaderVersion", 1, "minWriterVersion", 2)),
        table.metadata(),
        commitInfo("CREATE TABLE")));
    return table;
  }

  Path dir() {
    return dir;
  }

  public long version() {
    return version;
  }

  /** Appends rows (one file per p_date); returns the new version. */
  public long append(List<Map<String, Object>> rows) {
    List<Object> actions = new ArrayList<>();
    byDate(rows).forEach((date, dayRows) -> actions.add(add(writeFile(date, dayRows), date, true)));
    actions.add(commitInfo("WRITE"));
    return commit(actions);
  }

  /** As OPTIMIZE does: each partition's files become one, with {@code dataChange=false}. */
  public long compact() {
    Map<String, List<String>> byDate = new TreeMap<>();
    files.keySet().forEach(f -> byDate.computeIfAbsent(f.substring(0, f.indexOf('/')), k -> new ArrayList<>()).add(f));
    List<Object> actions = new ArrayList<>();
    byDate.forEach((partition, paths) -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String path : paths) {
        rows.addAll(files.remove(path));
        actions.add(remove(path, false));
      }
      String date = partition.substring("p_date=".length());
      actions.add(add(writeFile(date, rows), date, false));
    });
    actions.add(commitInfo("OPTIMIZE"));
    return commit(actions);
  }

  /** As DELETE does: each file with a row {@code drop} accepts is replaced by one without such rows. */
  public long delete(Predicate<Map<String, Object>> drop) {
    List<Object> actions = new ArrayList<>();
    for (String path : List.copyOf(files.keySet())) {
      List<Map<String, Object>> rows = files.get(path);
      List<Map<String, Object>> kept = rows.stream().filter(drop.negate()).toList();
      if (kept.size() < rows.size()) {
        files.remove(path);
        actions.add(remove(path, true));
        if (!kept.isEmpty()) {
          String date = String.valueOf(kept.get(0).get("p_date"));
          actions.add(add(writeFile(date, kept), date, true));
        }
      }
    }
    actions.add(commitInfo("DELETE"));
    return commit(actions);
  }

  /** Replaces the table's schema (a column added, as Delta's schema evolution does). */
  long evolve(StructType newSchema) {
    this.schema = newSchema;
    return commit(List.of(metadata(), commitInfo("ADD COLUMNS")));
  }

  /** Sets the commit timestamp Kernel sees for {@code version} (the commit file's modification time). */
  void setCommitTime(long commitVersion, Instant time) {
    try {
      Files.setLastModifiedTime(commitFile(commitVersion), FileTime.from(time));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live data files of one partition, absolute. */
  List<Path> files(String date) {
    return files.keySet().stream().filter(f -> f.startsWith("p_date=" + date + "/")).map(dir::resolve).toList();
  }

  private Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", UUID.nameUUIDFromBytes(dir.toString().getBytes()).toString());
    m.put("format", Map.of("provider", "parquet", "options", Map.of()));
    m.put("schemaString", schema.toJson());
    m.put("partitionColumns", List.of("p_date"));
    m.put("configuration", Map.of());
    m.put("createdTime", 1_700_000_000_000L);
    return Map.of("metaData", m);
  }

  private static Map<String, Object> commitInfo(String operation) {
    return Map.of("commitInfo", Map.of("timestamp", System.currentTimeMillis(), "operation", operation));
  }

  private Map<String, Object> add(String path, String date, boolean dataChange) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("path", path);
    a.put("partitionValues", Map.of("p_date", date));
    a.put("size", dir.resolve(path).toFile().length());
    a.put("modificationTime", System.currentTimeMillis());
    a.put("dataChange", dataChange);
    a.put("stats", "{\"numRecords\":" + files.get(path).size() + "}");
    return Map.of("add", a);
  }

  private static Map<String, Object> remove(String path, boolean dataChange) {
    return Map.of("remove", Map.of("path", path, "deletionTimestamp", System.currentTimeMillis(),
        "dataChange", dataChange));
  }

  private static Map<String, List<Map<String, Object>>> byDate(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> out = new TreeMap<>();
    rows.forEach(r -> out.computeIfAbsent(String.valueOf(r.get("p_date")), k -> new ArrayList<>()).add(r));
    return out;
  }

  /** Writes the rows (without the partition column, which lives in the add action) as one Parquet file. */
  private String writeFile(String date, List<Map<String, Object>> rows) {
    StructType dataSchema = new StructType(schema.fields().stream().filter(f -> !f.getName().equals("p_date"))
        .toList());
    List<String> json = rows.stream().map(FixtureTable::json).toList();
    ColumnarBatch batch = ENGINE.getJsonHandler().parseJson(strings(json), dataSchema, Optional.empty());
    Path partition = dir.resolve("p_date=" + date);
    try (CloseableIterator<DataFileStatus> written = ENGINE.getParquetHandler().writeParquetFiles(
        partition.toUri().toString(), Utils.singletonCloseableIterator(new FilteredColumnarBatch(batch,
            Optional.empty())), List.of())) {
      String absolute = written.next().getPath();
      String relative = dir.toUri().relativize(URI.create(absolute)).getPath();
      files.put(relative, List.copyOf(rows));
      return relative;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long commit(List<?> actions) {
    StringBuilder text = new StringBuilder();
    actions.forEach(a -> text.append(json(a)).append('\n'));
    try {
      Files.createDirectories(dir.resolve("_delta_log"));
      Files.writeString(commitFile(version + 1), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ++version;
  }

  private Path commitFile(long commitVersion) {
    return dir.resolve("_delta_log").resolve(String.format("%020d.json", commitVersion));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ColumnVector strings(List<String> values) {
    return new ColumnVector() {
      @Override
      public DataType getDataType() {
        return StringType.STRING;
      }

      @Override
      public int getSize() {
        return values.size();
      }

      @Override
      public void close() {}

      @Override
      public boolean isNullAt(int rowId) {
        return values.get(rowId) == null;
      }

      @Override
      public String getString(int rowId) {
        return values.get(rowId);
      }
    };
  }
}
