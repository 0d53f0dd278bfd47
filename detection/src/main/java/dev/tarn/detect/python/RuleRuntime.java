package dev.tarn.detect.python;

import dev.tarn.detect.pack.DetectionTest;
import java.util.Collection;
import java.util.List;

/**
 * One Python interpreter with a detection pack loaded: globals importable by id, data models, and each detection imported
 * once as a module named by its id. Not thread-safe: one caller at a time (a Spark task borrows one from a
 * {@code RuntimePool}).
 *
 * <p>Events are passed as JSON text (an object), the form Spark produces natively; the runtime builds Panther's
 * {@code PantherEvent} (with the data model of the event's log type) once per event and runs each requested detection on
 * it: {@code rule()} then, on a match, title → dedup → severity → alert_context → description → reference → runbook →
 * destinations, in order, on the same module instance.
 */
public interface RuleRuntime extends AutoCloseable {

  /** {@code graalpy} or {@code jython}. */
  String name();

  /** The detections that loaded, and the problems of those that did not (syntax, imports, Python 3 under Jython…). */
  LoadResult loadResult();

  /**
   * Batch (production) mode. Returns an outcome only for the detections that matched or raised; detections that did not
   * match are omitted.
   *
   * @param logType the event's log type, selecting the data model; null for scheduled-query rows (no data model)
   * @param detectionIds the detections to run, all loaded, of type rule or scheduled_rule (policies get the raw dict)
   */
  List<RuleOutcome> evaluate(String eventJson, String logType, Collection<String> detectionIds);

  /**
   * Runs one embedded test with Panther's test-tool semantics: mocks applied with {@code unittest.mock.patch.multiple}
   * for the duration of the test, every defined auxiliary function run, errors captured undefaulted, output captured.
   * The event's data model is chosen by the test log's {@code p_log_type} (rules only).
   */
  RuleOutcome runTest(String detectionId, DetectionTest test);

  @Override
  void close();
}
