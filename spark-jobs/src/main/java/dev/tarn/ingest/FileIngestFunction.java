package dev.tarn.ingest;

import dev.tarn.classify.LogType;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.SerializableConfiguration;

/** Runs on executors: turns one partition's files into layout rows, file after file, lazily. */
final class FileIngestFunction implements FlatMapFunction<Iterator<List<IngestFile>>, InternalRow> {
  private static final long serialVersionUID = 1L;

  private final IngestLayout layout;
  private final List<LogSchema> schemas;
  private final Broadcast<SerializableConfiguration> hadoop;

  FileIngestFunction(IngestLayout layout, List<LogSchema> schemas, Broadcast<SerializableConfiguration> hadoop) {
    this.layout = layout;
    this.schemas = List.copyOf(schemas);
    this.hadoop = hadoop;
  }

  @Override
  public Iterator<InternalRow> call(Iterator<List<IngestFile>> bins) {
    Map<String, LogType> types = new HashMap<>();
    for (LogSchema schema : schemas) {
      types.put(schema.name(), LogTypeRegistry.compile(schema));
    }
    return new Iterator<>() {
      private Iterator<IngestFile> files = Collections.emptyIterator();
      private Iterator<InternalRow> rows = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!rows.hasNext()) {
          while (!files.hasNext()) {
            if (!bins.hasNext()) {
              return false;
            }
            files = bins.next().iterator();
          }
          rows = new FileRowIterator(files.next(), layout, types, hadoop.value().value());
        }
        return true;
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
