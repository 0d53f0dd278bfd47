package dev.tarn.ingest;

import java.io.IOException;
import java.util.Deque;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Where a file's output goes. In a multi-type pass everything becomes one wide layout row (cached, then sliced per
 * table); in a direct pass for a single log type, table rows flow straight into that table's write and the
 * quarantine rows and file summaries go to side files.
 */
interface RowRouting {

  void table(int kind, InternalRow row, Deque<InternalRow> out);

  void quarantine(InternalRow row, Deque<InternalRow> out) throws IOException;

  void summary(InternalRow row, Deque<InternalRow> out) throws IOException;

  /** Wraps every row in the batch's wide layout row. */
  static RowRouting layout(IngestLayout layout) {
    return new RowRouting() {
      @Override
      public void table(int kind, InternalRow row, Deque<InternalRow> out) {
        out.add(wrap(kind, row));
      }

      @Override
      public void quarantine(InternalRow row, Deque<InternalRow> out) {
        out.add(wrap(layout.quarantineKind(), row));
      }

      @Override
      public void summary(InternalRow row, Deque<InternalRow> out) {
        out.add(wrap(layout.fileKind(), row));
      }

      private InternalRow wrap(int kind, InternalRow row) {
        Object[] values = new Object[layout.width()];
        values[0] = kind;
        values[1 + kind] = row;
        return new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(values);
      }
    };
  }

  /** Table rows as they are; quarantine rows and summaries to the task's side file. */
  static RowRouting direct(SideFiles.Writer side) {
    return new RowRouting() {
      @Override
      public void table(int kind, InternalRow row, Deque<InternalRow> out) {
        out.add(row);
      }

      @Override
      public void quarantine(InternalRow row, Deque<InternalRow> out) throws IOException {
        side.quarantine(row);
      }

      @Override
      public void summary(InternalRow row, Deque<InternalRow> out) throws IOException {
        side.summary(row);
      }
    };
  }
}
