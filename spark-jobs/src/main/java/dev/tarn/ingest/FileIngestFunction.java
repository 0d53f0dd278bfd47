package dev.tarn.ingest;

import dev.tarn.classify.LogType;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Runs on executors: turns one partition's files into rows, file after file, lazily. With a side directory it runs
 * a direct pass (table rows out, quarantine and summaries to the side file); without, it emits layout rows.
 */
final class FileIngestFunction implements FlatMapFunction<Iterator<List<IngestFile>>, InternalRow> {
  private static final long serialVersionUID = 1L;

  private final IngestLayout layout;
  private final List<LogSchema> schemas;
  private final Broadcast<SerializableConfiguration> hadoop;
  private final String sideDir;

  /** @param sideDir where a direct pass writes its side files; null for a layout pass */
  FileIngestFunction(IngestLayout layout, List<LogSchema> schemas, Broadcast<SerializableConfiguration> hadoop,
      String sideDir) {
    this.layout = layout;
    this.schemas = List.copyOf(schemas);
    this.hadoop = hadoop;
    this.sideDir = sideDir;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<List<IngestFile>> bins) throws IOException {
    Map<String, LogType> types = new HashMap<>();
    for (LogSchema schema : schemas) {
      types.put(schema.name(), LogTypeRegistry.compile(schema));
    }
    Configuration conf = hadoop.value().value();
    SideFiles.Writer side = null;
    RowRouting routing;
    if (sideDir == null) {
      routing = RowRouting.layout(layout);
    } else {
      TaskContext task = TaskContext.get();
      side = new SideFiles.Writer(conf, sideDir, task.partitionId(), task.taskAttemptId());
      routing = RowRouting.direct(side);
    }
    SideFiles.Writer sideWriter = side;
    return new Iterator<>() {
      private Iterator<IngestFile> files = Collections.emptyIterator();
      private Iterator<InternalRow> rows = Collections.emptyIterator();
      private boolean published;

      @Override
      public boolean hasNext() {
        while (!rows.hasNext()) {
          while (!files.hasNext()) {
            if (!bins.hasNext()) {
              publish();
              return false;
            }
            files = bins.next().iterator();
          }
          rows = new FileRowIterator(files.next(), layout, routing, types, conf);
        }
        return true;
      }

      private void publish() {
        if (sideWriter != null && !published) {
          published = true;
          try {
            sideWriter.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return rows.next();
      }
    };
  }
}
