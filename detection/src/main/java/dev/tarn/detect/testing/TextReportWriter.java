package dev.tarn.detect.testing;

import dev.tarn.detect.pack.LoadProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link TestReport} the way {@code panther_analysis_tool test} prints: a block per detection with
 * {@code [PASS]}/{@code [FAIL]} lines per test and the reasons under failures, then the summary of passed, failed,
 * invalid and skipped detections, the failed tests and the invalid specs.
 */
public final class TextReportWriter {
  private static final String RULE = "--------------------------";

  private TextReportWriter() {}

  public static String toText(TestReport report, boolean showFailuresOnly) {
    StringBuilder out = new StringBuilder();
    write(report, showFailuresOnly, out);
    return out.toString();
  }

  public static void write(TestReport report, boolean showFailuresOnly, Appendable out) {
    try {
      for (DetectionReport d : report.detections()) {
        detection(d, showFailuresOnly, out);
      }
      summary(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void detection(DetectionReport d, boolean failuresOnly, Appendable out) throws IOException {
    boolean bad = d.status() == DetectionReport.Status.FAILED || d.status() == DetectionReport.Status.INVALID;
    if (failuresOnly && !bad) {
      return;
    }
    out.append(d.detection().id()).append('\n');
    switch (d.status()) {
      case SKIPPED -> out.append("\t[SKIP] ").append(d.messages().get(0)).append('\n');
      case INVALID -> {
        for (String m : d.messages()) {
          indented(out, "\t[INVALID] ", m);
        }
      }
      default -> {
        if (d.detection().tests().isEmpty() && !failuresOnly) {
          out.append("\tNo tests configured for ").append(d.detection().id()).append('\n');
        }
        for (TestResult t : d.tests()) {
          if (failuresOnly && t.passed()) {
            continue;
          }
          out.append('\t').append(t.passed() ? "[PASS] " : "[FAIL] ").append(t.name()).append('\n');
          for (String f : t.failures()) {
            indented(out, "\t\t[FAIL] ", f);
          }
        }
        for (String m : d.messages()) {
          out.append("\t[FAIL] ").append(m).append('\n');
        }
      }
    }
    out.append('\n');
  }

  private static void summary(TestReport report, Appendable out) throws IOException {
    out.append(RULE).append('\n').append("Test Summary\n")
        .append("\tPassed: ").append(String.valueOf(report.passed())).append('\n')
        .append("\tFailed: ").append(String.valueOf(report.failed())).append('\n')
        .append("\tInvalid: ").append(String.valueOf(report.invalid())).append('\n')
        .append("\tSkipped: ").append(String.valueOf(report.skipped())).append("\n\n");
    List<DetectionReport> failed =
        report.detections().stream().filter(d -> d.status() == DetectionReport.Status.FAILED).toList();
    if (!failed.isEmpty()) {
      out.append(RULE).append('\n').append("Failed Tests Summary\n");
      for (DetectionReport d : failed) {
        out.append('\t').append(d.detection().id()).append('\n');
        for (TestResult t : d.failedTests()) {
          indented(out, "\t\t" + t.name() + ": ", t.reason());
        }
        for (String m : d.messages()) {
          out.append("\t\t").append(m).append('\n');
        }
      }
      out.append('\n');
    }
    problems(out, "Invalid Tests Summary", report.problems().stream().filter(LoadProblem::isError).toList());
    problems(out, "Warnings", report.problems().stream().filter(p -> !p.isError()).toList());
    if (!report.notes().isEmpty()) {
      out.append(RULE).append('\n');
      for (String note : report.notes()) {
        out.append(note).append('\n');
      }
    }
  }

  private static void problems(Appendable out, String title, List<LoadProblem> problems) throws IOException {
    if (problems.isEmpty()) {
      return;
    }
    out.append(RULE).append('\n').append(title).append('\n');
    for (LoadProblem p : problems) {
      String where = p.file() == null ? "" : p.file() + (p.line() > 0 ? ":" + p.line() : "");
      String id = p.id() == null ? "" : (where.isEmpty() ? "" : " ") + "(" + p.id() + ")";
      out.append('\t').append(where).append(id).append('\n');
      indented(out, "\t\t", p.message());
    }
    out.append('\n');
  }

  /** Multi-line text (tracebacks) keeps its lines aligned under the first one. */
  private static void indented(Appendable out, String prefix, String text) throws IOException {
    String[] lines = text.split("\\R", -1);
    out.append(prefix).append(lines[0]).append('\n');
    String pad = prefix.replaceAll("[^\t]", " ");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isEmpty()) {
        out.append(pad).append(lines[i]).append('\n');
      }
    }
  }
}
