package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.CliErrors;
import org.junit.jupiter.api.Test;

/** Mistakes in the options are reported before Spark starts, as user errors (exit 2, no stack trace). */
class SearchCommandTest {

  @Test
  void rejectsASearchWithoutAnIndicator() {
    assertThat(error("search", "--from", "2024-06-01")).contains("error: give an indicator to search for: one of --ip");
  }

  @Test
  void rejectsTwoIndicatorsAtOnce() {
    assertThat(error("search", "--ip", "10.0.0.1", "--email", "a@b.c"))
        .contains("error: give one indicator per search (got [--ip, --email])");
  }

  @Test
  void rejectsARangeThatEndsBeforeItStarts() {
    assertThat(error("search", "--ip", "10.0.0.1", "--from", "2024-06-02", "--to", "2024-06-01"))
        .contains("error: --from 2024-06-02T00:00:00Z is not before --to 2024-06-01T00:00:00Z");
  }

  @Test
  void rejectsAnUnparseableTime() {
    assertThat(error("search", "--ip", "10.0.0.1", "--to", "June 1st")).contains("error: --to 'June 1st' is not a time");
  }

  @Test
  void rejectsAValueTheIndicatorColumnsCannotHold() {
    assertThat(error("search", "--hash", "xyz")).contains("error: --hash 'xyz' is not an MD5, SHA-1 or SHA-256");
  }

  @Test
  void rejectsAnUnknownFormat() {
    assertThat(error("search", "--ip", "10.0.0.1", "--format", "xml")).contains("error: invalid --format 'xml'");
  }

  @Test
  void rejectsAnUnknownEngine() {
    assertThat(error("search", "--ip", "10.0.0.1", "--engine", "presto"))
        .contains("error: invalid --engine 'presto' (expected auto, local or spark)");
  }

  private static String error(String... args) {
    return CliErrors.errorOf(args);
  }
}
