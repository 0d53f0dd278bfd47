package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Argument errors of backfill and requeue stop before Spark starts, with a message instead of a stack trace. */
class BackfillCommandTest {

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    assertThat(errorOf("backfill", "--source", "s", "--prefix", "p", "--from", "2024-06-02", "--to", "2024-06-01"))
        .contains("error: --from 2024-06-02 is not before --to 2024-06-01");
  }

  @Test
  void aRateThatIsNotPositiveIsRefused() {
    assertThat(errorOf("backfill", "--source", "s", "--prefix", "p", "--rate", "0"))
        .contains("error: --rate 0.0: must be a number of files per second above 0");
  }

  @Test
  void aSinceThatIsNotATimeIsRefused() {
    assertThat(errorOf("requeue", "--quarantine", "--since", "yesterday"))
        .contains("error: --since yesterday: not a time");
  }

  private static String errorOf(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TarnCli.execute(args);
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\tat ");
    return text;
  }
}
