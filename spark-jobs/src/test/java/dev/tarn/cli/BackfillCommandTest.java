package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.CliErrors;
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
    return CliErrors.errorOf(args);
  }
}
