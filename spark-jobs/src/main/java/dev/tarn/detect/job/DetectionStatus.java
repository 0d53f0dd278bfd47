package dev.tarn.detect.job;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.LoadProblem;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which detections a job run loaded and which failed, and why: {@code tarn_system.detection_status}, one row per
 * detection or problem per run.
 */
final class DetectionStatus {
  static final String TABLE = "detection_status";
  static final String LOADED = "loaded";
  static final String DISABLED = "disabled";
  static final String FAILED = "failed";

  static final StructType TYPE = new StructType()
      .add("job", DataTypes.StringType)
      .add("run_id", DataTypes.StringType)
      .add("recorded", DataTypes.TimestampType)
      .add("detection_id", DataTypes.StringType)
      .add("analysis_type", DataTypes.StringType)
      .add("log_types", DataTypes.createArrayType(DataTypes.StringType))
      .add("runtime", DataTypes.StringType)
      .add("status", DataTypes.StringType)
      .add("message", DataTypes.StringType)
      .add("file", DataTypes.StringType);

  private DetectionStatus() {}

  /**
   * @param runtimeProblems problems the Python runtimes found when importing (syntax, missing modules), by id
   * @param runtimes the runtime each loaded detection runs under
   */
  static List<Row> rows(String job, String runId, DetectionPack pack, List<LoadProblem> runtimeProblems,
      Map<String, String> runtimes, Set<String> failed) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> rows = new ArrayList<>();
    for (Detection d : pack.detections()) {
      if (failed.contains(d.id())) {
        continue;
      }
      rows.add(RowFactory.create(job, runId, now, d.id(), d.type().yamlName(), FindingRows.seq(d.logTypes()),
          runtimes.get(d.id()), d.enabled() ? LOADED : DISABLED, null, String.valueOf(d.file())));
    }
    List<LoadProblem> problems = new ArrayList<>(pack.problems());
    problems.addAll(runtimeProblems);
    for (LoadProblem p : problems) {
      rows.add(RowFactory.create(job, runId, now, p.id(), null, null, null, FAILED, p.message(),
          String.valueOf(p.file())));
    }
    return rows;
  }
}
