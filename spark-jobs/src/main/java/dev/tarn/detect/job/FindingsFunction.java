package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.python.RuleOutcome;
import dev.tarn.detect.python.RuleRuntime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The task side of detection: for each event row, the Python rules its native pre-filters left standing run in a
 * borrowed runtime (batch mode), and the simple detections that matched natively get their title, context and severity.
 * Emits one findings row per match or rule error. Python runtimes are borrowed once per partition and given back, so
 * they stay warm for the next batch.
 */
final class FindingsFunction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final DetectSettings settings;
  private final EventShape shape;
  private final String logType;
  private final int eventWidth;
  private final int rowIdIndex;
  private final Set<String> simpleToCheck;

  /**
   * @param logType the log type of every row (selects the data model), or null for scheduled-query rows
   * @param eventWidth the number of event columns; the input rows continue with the array columns
   *     {@link DetectionPlan#PYTHON_COLUMN} and {@link DetectionPlan#SIMPLE_COLUMN}
   * @param simpleToCheck simple detections the native condition could not decide (they read json fields): the Java
   *     evaluator decides them here
   */
  FindingsFunction(DetectSettings settings, EventShape shape, String logType, int eventWidth, int rowIdIndex,
      Set<String> simpleToCheck) {
    this.settings = requireNonNull(settings, "settings is null");
    this.shape = requireNonNull(shape, "shape is null");
    this.logType = logType;
    this.eventWidth = eventWidth;
    this.rowIdIndex = rowIdIndex;
    this.simpleToCheck = Set.copyOf(simpleToCheck);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    DetectionEnvironment env = DetectionEnvironment.get(settings);
    Map<String, RuleRuntime> borrowed = new LinkedHashMap<>();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> out = new ArrayList<>();
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        List<String> python = strings(row, eventWidth);
        List<String> simple = strings(row, eventWidth + 1);
        if (python.isEmpty() && simple.isEmpty()) {
          continue;
        }
        String json = shape.render(row);
        String rowId = row.getString(rowIdIndex);
        Map<String, Object> event = simple.isEmpty() ? null : SimpleOutcomes.event(json);
        for (String id : simple) {
          Detection d = env.detection(id);
          SimpleDetection parsed = env.simple(id);
          if (!simpleToCheck.contains(id) || parsed.matches(event)) {
            out.add(FindingRows.row(row, eventWidth, d, rowId, SimpleOutcomes.outcome(d, parsed, event), now));
          }
        }
        if (!python.isEmpty()) {
          for (Map.Entry<String, List<String>> group : byRuntime(env, python).entrySet()) {
            RuleRuntime runtime = borrowed.computeIfAbsent(group.getKey(), env::borrow);
            for (RuleOutcome outcome : runtime.evaluate(json, logType, group.getValue())) {
              out.add(FindingRows.row(row, eventWidth, env.detection(outcome.detectionId()), rowId, outcome, now));
            }
          }
        }
      }
    } finally {
      borrowed.values().forEach(env::release);
    }
    return out.iterator();
  }

  private static Map<String, List<String>> byRuntime(DetectionEnvironment env, List<String> ids) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String id : ids) {
      groups.computeIfAbsent(env.runtimeOf(env.detection(id)), k -> new ArrayList<>()).add(id);
    }
    return groups;
  }

  private static List<String> strings(Row row, int index) {
    if (row.isNullAt(index)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : row.getList(index)) {
      if (o != null) {
        out.add((String) o);
      }
    }
    return out;
  }
}
