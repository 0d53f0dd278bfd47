package dev.tarn.ingest;

import dev.tarn.lake.SystemTables;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Side outputs of a direct (single log type) ingest pass: the quarantine rows and file summaries each task
 * produces while its table rows stream into the Delta write. A task writes them as JSON lines to
 * {@code <dir>/part-<partition>.jsonl} (via a temporary name, renamed once the partition is complete, so a
 * retried task replaces its own file and a failed one publishes nothing); the driver reads them after the write.
 */
final class SideFiles {
  static final String QUARANTINE = "q";
  static final String FILE = "f";
  static final StructType TYPE = new StructType()
      .add(QUARANTINE, SystemTables.QUARANTINE_TYPE)
      .add(FILE, SystemTables.INGEST_FILE_TYPE);
  private static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss.SSSSSS";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private SideFiles() {}

  /** Everything the tasks of one pass wrote under {@code dir}. */
  static Dataset<Row> read(SparkSession spark, String dir) {
    return spark.read().schema(TYPE).option("timestampFormat", TIMESTAMP_PATTERN).json(dir + "/part-*.jsonl");
  }

  static void delete(Configuration hadoop, String dir) throws IOException {
    Path path = new Path(dir);
    path.getFileSystem(hadoop).delete(path, true);
  }

  /** The writer of one task. */
  static final class Writer implements Closeable {
    private final FileSystem fs;
    private final Path temporary;
    private final Path target;
    private final JsonGenerator out;

    Writer(Configuration hadoop, String dir, int partition, long attempt) throws IOException {
      target = new Path(dir, String.format("part-%05d.jsonl", partition));
      temporary = new Path(dir, String.format(".part-%05d.jsonl.%d.tmp", partition, attempt));
      fs = target.getFileSystem(hadoop);
      out = JSON.createGenerator((java.io.OutputStream) fs.create(temporary, true));
      out.setRootValueSeparator(null);
    }

    void quarantine(InternalRow row) throws IOException {
      write(QUARANTINE, SystemTables.QUARANTINE_TYPE, row);
    }

    void summary(InternalRow row) throws IOException {
      write(FILE, SystemTables.INGEST_FILE_TYPE, row);
    }

    private void write(String kind, StructType type, InternalRow row) throws IOException {
      out.writeStartObject();
      out.writeFieldName(kind);
      struct(type, row);
      out.writeEndObject();
      out.writeRaw('\n');
    }

    private void struct(StructType type, InternalRow row) throws IOException {
      out.writeStartObject();
      StructField[] fields = type.fields();
      for (int i = 0; i < fields.length; i++) {
        if (!row.isNullAt(i)) {
          out.writeFieldName(fields[i].name());
          value(fields[i].dataType(), row.get(i, fields[i].dataType()));
        }
      }
      out.writeEndObject();
    }

    private void value(DataType type, Object value) throws IOException {
      if (type == DataTypes.StringType) {
        out.writeString(value.toString());
      } else if (type == DataTypes.LongType) {
        out.writeNumber((Long) value);
      } else if (type == DataTypes.BooleanType) {
        out.writeBoolean((Boolean) value);
      } else if (type == DataTypes.TimestampType) {
        long micros = (Long) value;
        out.writeString(TIMESTAMP.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1000)));
      } else if (type == DataTypes.DateType) {
        out.writeString(LocalDate.ofEpochDay((Integer) value).toString());
      } else if (type instanceof ArrayType array) {
        ArrayData data = (ArrayData) value;
        out.writeStartArray();
        for (int i = 0; i < data.numElements(); i++) {
          value(array.elementType(), data.get(i, array.elementType()));
        }
        out.writeEndArray();
      } else if (type instanceof MapType map) {
        MapData data = (MapData) value;
        out.writeStartObject();
        for (int i = 0; i < data.numElements(); i++) {
          out.writeFieldName(data.keyArray().get(i, map.keyType()).toString());
          value(map.valueType(), data.valueArray().get(i, map.valueType()));
        }
        out.writeEndObject();
      } else {
        throw new IllegalArgumentException("No side-file encoding for " + type);
      }
    }

    /** Publishes the file: only a complete partition's output becomes visible. */
    @Override
    public void close() throws IOException {
      out.close();
      fs.delete(target, false);
      if (!fs.rename(temporary, target)) {
        throw new IOException("Cannot publish side file " + target);
      }
    }
  }
}
