package dev.tarn.alerts.findings;

import dev.tarn.kernel.DataFiles;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.TableImpl;
import io.delta.kernel.internal.data.GenericRow;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data files that commits added, read from the commit files with Kernel's {@code TableImpl#getChanges} (internal in
 * Kernel 3.3, but the one reader of a version range's actions it has; it also refuses versions whose protocol Kernel
 * cannot read). Only adds with {@code dataChange=true} count: OPTIMIZE and other rearrangements add files with
 * {@code dataChange=false} that hold rows already added. Each add becomes a scan file row in the shape of
 * {@code Scan#getScanFiles}, so {@link DataFiles} reads it like any scan file (partition values, deletion vector).
 *
 * <p>A DELETE, UPDATE or MERGE that rewrites a file adds it again with {@code dataChange=true}: its surviving rows are
 * returned again. Consumers must tolerate rows they have seen (the alerts service skips known {@code p_match_id}s).
 */
final class TableChanges {
  /** A data file added by {@code version}. */
  record AddedFile(long version, Row scanFile) {}

  private static final int DATA_CHANGE = DeltaAction.ADD.schema.indexOf("dataChange");

  private TableChanges() {}

  /** Files added with {@code dataChange=true} by versions {@code [from, to]}, in commit order. */
  static List<AddedFile> added(Engine engine, Table table, String tableRoot, long from, long to) {
    List<AddedFile> out = new ArrayList<>();
    try (CloseableIterator<ColumnarBatch> batches = changes(engine, table, from, to)) {
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        int version = batch.getSchema().indexOf("version");
        int addColumn = batch.getSchema().indexOf(DeltaAction.ADD.colName);
        try (CloseableIterator<Row> rows = batch.getRows()) {
          while (rows.hasNext()) {
            Row row = rows.next();
            if (row.isNullAt(addColumn)) {
              continue; // another action of the commit
            }
            Row add = row.getStruct(addColumn);
            if (add.getBoolean(DATA_CHANGE)) {
              out.add(new AddedFile(row.getLong(version), new GenericRow(InternalScanFileUtils.SCAN_FILE_SCHEMA,
                  Map.of(0, add, 1, tableRoot))));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the commits of " + tableRoot + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static CloseableIterator<ColumnarBatch> changes(Engine engine, Table table, long from, long to) {
    try {
      return ((TableImpl) table).getChanges(engine, from, to, Set.of(DeltaAction.ADD));
    } catch (KernelException e) {
      throw new IllegalStateException("Cannot read versions " + from + " to " + to + " of " + table.getPath(engine)
          + ": " + e.getMessage() + ". If the commit files are gone (the Delta log keeps them for"
          + " delta.logRetentionDuration, 30 days by default), read the table again from -1 (its current snapshot).",
          e);
    }
  }
}
