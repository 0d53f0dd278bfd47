package dev.tarn.detect.testing;

import dev.tarn.detect.pack.LoadProblem;
import java.util.List;

/**
 * The result of a test run: one report per selected detection (in load order), the load problems of the pack and of
 * the Python runtimes, and notes about the run itself.
 *
 * @param notes run-level findings such as "no detection matched the filters"; any note makes the run fail
 */
public record TestReport(List<DetectionReport> detections, List<LoadProblem> problems, List<String> notes) {

  public TestReport {
    detections = List.copyOf(detections);
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public long passed() {
    return count(DetectionReport.Status.PASSED);
  }

  public long failed() {
    return count(DetectionReport.Status.FAILED);
  }

  public long skipped() {
    return count(DetectionReport.Status.SKIPPED);
  }

  /** Invalid specs: every error-level problem (warnings and notices do not count). */
  public long invalid() {
    return problems.stream().filter(LoadProblem::isError).count();
  }

  /** The process exit code: 1 when a detection failed, a spec was invalid or the run had nothing to test, else 0. */
  public int exitCode() {
    return failed() > 0 || invalid() > 0 || !notes.isEmpty() ? 1 : 0;
  }

  private long count(DetectionReport.Status status) {
    return detections.stream().filter(d -> d.status() == status).count();
  }
}
