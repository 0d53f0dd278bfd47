package dev.tarn.requeue;

import dev.tarn.classify.LogType;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The shape of a requeue's parse output, one wide row type: a {@code kind} column, one struct column per log table
 * the lines may move into, and one for the outcome of each quarantined line. Parsed once, cached, sliced per use.
 */
record RequeueLayout(List<String> logTypes) implements Serializable {
  static final String REQUEUED = "requeued";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";
  static final String NOT_REPARSABLE = "not_reparsable";

  /** What became of one quarantined line. {@code changed}: its reason differs from the one in quarantine. */
  static final StructType OUTCOME_TYPE = new StructType()
      .add("source_id", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("p_date", DataTypes.DateType)
      .add("status", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("events", DataTypes.LongType)
      .add("changed", DataTypes.BooleanType);

  RequeueLayout {
    logTypes = List.copyOf(logTypes);
  }

  int tableKind(String logType) {
    int i = logTypes.indexOf(logType);
    if (i < 0) {
      throw new IllegalArgumentException(logType + " is not in this requeue's layout " + logTypes);
    }
    return i;
  }

  int outcomeKind() {
    return logTypes.size();
  }

  int width() {
    return logTypes.size() + 2;
  }

  static String column(int kind) {
    return "k" + kind;
  }

  StructType sparkType(Map<String, LogType> types) {
    StructType type = new StructType().add("kind", DataTypes.IntegerType, false);
    for (int i = 0; i < logTypes.size(); i++) {
      type = type.add(column(i), types.get(logTypes.get(i)).tableType());
    }
    return type.add(column(outcomeKind()), OUTCOME_TYPE);
  }
}
