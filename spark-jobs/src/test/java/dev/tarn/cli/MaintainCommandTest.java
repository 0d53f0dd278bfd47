package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.maintain.MaintainReport;
import dev.tarn.maintain.TableOutcome;
import dev.tarn.maintain.TableRef;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintainCommandTest {
  private static final TableRef TRAIL = new TableRef("panther_logs", "aws_cloudtrail", "/lake/panther_logs/t");

  private static String capture(Runnable action, boolean err) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = err ? System.err : System.out;
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (err) {
      System.setErr(capture);
    } else {
      System.setOut(capture);
    }
    try {
      action.run();
    } finally {
      if (err) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void refusesAVacuumRetentionBelowDeltasLimitWithoutForce() {
    int[] code = new int[1];
    String err = capture(() -> code[0] = TarnCli.execute("maintain", "--lake", "/nonexistent/lake",
        "--vacuum-retention", "36h"), true);
    assertThat(code[0]).isEqualTo(2);
    assertThat(err).contains("error: VACUUM retention 36h is below Delta's safety limit of 168h")
        .contains("--force").doesNotContain("\tat ");
  }

  @Test
  void printsOneLinePerTableAndTheTotals() {
    MaintainReport report = new MaintainReport("run", List.of(new TableOutcome(TRAIL, "succeeded",
        "expired 8 rows; vacuumed 3 files (1.0 KB)",
        Map.of("rows_expired", 8L, "bytes_vacuumed", 1024L, "partitions_optimized", 2L), List.of())));

    String out = capture(() -> MaintainCommand.print(report, false), false);

    assertThat(out).contains("panther_logs.aws_cloudtrail", "succeeded", "expired 8 rows; vacuumed 3 files")
        .contains("total: 2 partitions optimized, 8 rows expired, 1.0 KB vacuumed");
  }

  @Test
  void aDryRunPrintsThePlan() {
    MaintainReport report = new MaintainReport("run", List.of(new TableOutcome(TRAIL, "succeeded", "nothing to do",
        Map.of(), List.of("optimize p_date=2024-03-01: 6 small files, 1.2 MB ZORDER BY p_event_time"))));

    String out = capture(() -> MaintainCommand.print(report, true), false);

    assertThat(out).contains("dry run, nothing changed")
        .contains("      optimize p_date=2024-03-01: 6 small files, 1.2 MB ZORDER BY p_event_time")
        .doesNotContain("total:");
  }
}
