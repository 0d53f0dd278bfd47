package dev.tarn.kernel;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads the rows of a scan's data files in the scan's read schema, the way Kernel's documentation does: the Parquet
 * file in the physical schema, then {@link Scan#transformPhysicalData}, which adds the partition values from the add
 * action, applies the file's deletion vector and maps physical to logical column names. A scan file row can come from
 * {@link Scan#getScanFiles} or be built from a commit's add action (as the alerts service does for new findings); both
 * have the same shape.
 */
public final class DataFiles {
  /** Receives one live row; returns false to stop reading. */
  public interface RowConsumer {
    boolean accept(ColumnarBatch batch, int row);
  }

  private final Engine engine;
  private final Scan scan;
  private final Row scanState;
  private final StructType physicalSchema;

  public DataFiles(Engine engine, Scan scan) {
    this.engine = requireNonNull(engine, "engine is null");
    this.scan = requireNonNull(scan, "scan is null");
    this.scanState = scan.getScanState(engine);
    this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
  }

  public String tableRoot() {
    return ScanStateRow.getTableRoot(scanState);
  }

  /** Passes each live row of every file of the scan (after its partition pruning) to {@code consumer}. */
  public boolean readAll(RowConsumer consumer) {
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> files = batches.next().getRows()) {
          while (files.hasNext()) {
            if (!read(files.next(), consumer)) {
              return false;
            }
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + tableRoot() + ": " + e.getMessage(), e);
    }
  }

  /** Passes each live row of the file to {@code consumer}; false when the consumer stopped early. */
  public boolean read(Row scanFile, RowConsumer consumer) {
    FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
    try (CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
            .readParquetFiles(Utils.singletonCloseableIterator(file), physicalSchema, Optional.empty());
        CloseableIterator<FilteredColumnarBatch> logical =
            Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
      while (logical.hasNext()) {
        FilteredColumnarBatch batch = logical.next();
        ColumnarBatch data = batch.getData();
        Optional<ColumnVector> selection = batch.getSelectionVector();
        for (int row = 0; row < data.getSize(); row++) {
          boolean live = selection.isEmpty() || selected(selection.get(), row);
          if (live && !consumer.accept(data, row)) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.getPath() + ": " + e.getMessage(), e);
    }
  }

  private static boolean selected(ColumnVector selection, int row) {
    return !selection.isNullAt(row) && selection.getBoolean(row);
  }
}
