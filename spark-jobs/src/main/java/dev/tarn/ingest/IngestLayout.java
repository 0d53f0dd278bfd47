package dev.tarn.ingest;

import dev.tarn.lake.SystemTables;
import dev.tarn.classify.LogType;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The shape of one micro-batch's parse output. Files are parsed once, into a single wide row type: a {@code kind}
 * column saying which table the row is for, one struct column per log table of the batch, one for quarantine and
 * one for per-file summaries. The batch is cached and each table takes its slice, so no file is parsed twice.
 */
public record IngestLayout(List<String> logTypes) implements Serializable {

  public IngestLayout {
    logTypes = List.copyOf(logTypes);
  }

  public int tableKind(String logType) {
    int i = logTypes.indexOf(logType);
    if (i < 0) {
      throw new IllegalArgumentException(logType + " is not in this batch's layout " + logTypes);
    }
    return i;
  }

  public int quarantineKind() {
    return logTypes.size();
  }

  public int fileKind() {
    return logTypes.size() + 1;
  }

  /** Row width: kind + tables + quarantine + file summary. */
  public int width() {
    return logTypes.size() + 3;
  }

  public static String column(int kind) {
    return "k" + kind;
  }

  public StructType sparkType(Map<String, LogType> types) {
    StructType type = new StructType().add("kind", DataTypes.IntegerType, false);
    for (int i = 0; i < logTypes.size(); i++) {
      type = type.add(column(i), types.get(logTypes.get(i)).tableType());
    }
    type = type.add(column(quarantineKind()), SystemTables.QUARANTINE_TYPE);
    return type.add(column(fileKind()), SystemTables.INGEST_FILE_TYPE);
  }
}
