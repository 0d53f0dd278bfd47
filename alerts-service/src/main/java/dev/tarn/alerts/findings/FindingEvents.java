package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

import dev.tarn.kernel.DataFiles;
import dev.tarn.kernel.KernelValues;
import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole findings rows for the API ("each alert links to its events"): every column of the table, the event's and the
 * {@code p_*} ones, for given match ids. Reads the table's latest snapshot, pruned to the given {@code p_date}
 * partitions by Kernel's scan filter, so an alert's events cost the files of its days only.
 */
public final class FindingEvents {
  private final Engine engine;

  public FindingEvents(FindingsReader reader) {
    this.engine = requireNonNull(reader, "reader is null").engine();
  }

  /**
   * Whole rows (every column: event columns + p_* columns) of the given match ids, as JSON-ready ordered maps (nested
   * structs → maps, arrays → lists, maps → maps with string keys, timestamps → ISO-8601 UTC strings, dates →
   * yyyy-MM-dd, binary → base64), reading only the given p_date partitions. At most {@code limit} rows, in file order.
   * A table not partitioned by p_date is read whole.
   */
  public List<Map<String, Object>> read(FindingsTable table, Collection<String> matchIds,
      Collection<LocalDate> dates, int limit) {
    requireNonNull(table, "table is null");
    Set<String> wanted = Set.copyOf(requireNonNull(matchIds, "matchIds is null"));
    Set<LocalDate> days = new LinkedHashSet<>(requireNonNull(dates, "dates is null"));
    if (limit < 0) {
      throw new IllegalArgumentException("Invalid limit: " + limit + " (must be >= 0)");
    }
    if (wanted.isEmpty() || days.isEmpty() || limit == 0) {
      return List.of();
    }
    Snapshot snapshot = latest(table);
    StructType schema = snapshot.getSchema(engine);
    ScanBuilder builder = snapshot.getScanBuilder(engine).withReadSchema(engine, schema);
    if (snapshot.getPartitionColumnNames(engine).contains(FindingColumns.DATE)) {
      builder = builder.withFilter(engine, onDates(days));
    }
    Scan scan = builder.build();
    int matchIdColumn = schema.indexOf(FindingColumns.MATCH_ID);
    if (matchIdColumn < 0) {
      throw new IllegalArgumentException(table.qualifiedName() + " at " + table.path() + " has no "
          + FindingColumns.MATCH_ID + " column: it is not a findings table");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    new DataFiles(engine, scan).readAll((batch, row) -> {
      Object matchId = KernelValues.value(batch.getColumnVector(matchIdColumn), row);
      if (matchId != null && wanted.contains(matchId.toString())) {
        out.add(row(schema, batch, row));
      }
      return out.size() < limit;
    });
    return List.copyOf(out);
  }

  private Snapshot latest(FindingsTable table) {
    try {
      return Table.forPath(engine, table.path()).getLatestSnapshot(engine);
    } catch (TableNotFoundException e) {
      throw new IllegalArgumentException("No Delta table at " + table.path() + " (" + table.qualifiedName() + ")", e);
    }
  }

  /** p_date = d1 OR p_date = d2 …: the partition filter Kernel prunes scan files with. */
  private static Predicate onDates(Set<LocalDate> days) {
    Predicate filter = null;
    for (LocalDate day : days) {
      Predicate equal = new Predicate("=", new Column(FindingColumns.DATE),
          Literal.ofDate(Math.toIntExact(day.toEpochDay())));
      filter = filter == null ? equal : new Or(filter, equal);
    }
    return filter;
  }

  private static Map<String, Object> row(StructType schema, ColumnarBatch batch, int row) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < schema.length(); i++) {
      out.put(schema.at(i).getName(), jsonReady(KernelValues.value(batch.getColumnVector(i), row)));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object jsonReady(Object value) {
    if (value instanceof Instant || value instanceof LocalDate) {
      return value.toString();
    } else if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(jsonReady(v)));
      return Collections.unmodifiableList(out);
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), jsonReady(v)));
      return Collections.unmodifiableMap(out);
    }
    return value;
  }
}
