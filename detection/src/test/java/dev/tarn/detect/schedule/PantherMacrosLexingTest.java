package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Macro names in literals, identifiers and comments are text, not calls. */
class PantherMacrosLexingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
  private static final String SINCE_60 = "(p_event_time >= TIMESTAMP '2026-11-23 05:59:00Z'"
      + " AND p_event_time < TIMESTAMP '2026-11-23 06:00:00Z' AND p_date = DATE '2026-11-23')";

  private static String expand(String sql) {
    return PantherMacros.expand(sql, NOW);
  }

  @Test
  void leavesMacrosInSingleQuotedStringsAlone() {
    String sql = "SELECT 'p_occurs_since(60)' AS s";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void leavesMacrosInDoubleQuotedStringsAlone() {
    String sql = "SELECT \"p_occurs_since(60)\" AS s";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void escapedQuoteDoesNotEndTheString() {
    String sql = "SELECT 'it\\'s p_occurs_since(60)', p_occurs_since(60)";
    assertThat(expand(sql)).isEqualTo("SELECT 'it\\'s p_occurs_since(60)', " + SINCE_60);
  }

  @Test
  void doubledQuoteInsideAStringDoesNotExposeItsContent() {
    String sql = "SELECT 'a''p_occurs_since(60)'";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void leavesMacrosInLineCommentsAlone() {
    String sql = "-- p_occurs_since(60)\nSELECT 1 WHERE p_occurs_since(60) -- p_occurs_since(bad)";
    assertThat(expand(sql))
        .isEqualTo("-- p_occurs_since(60)\nSELECT 1 WHERE " + SINCE_60 + " -- p_occurs_since(bad)");
  }

  @Test
  void leavesMacrosInNestedBlockCommentsAlone() {
    String sql = "/* outer /* inner */ p_occurs_since(bad) */ SELECT 1 WHERE p_occurs_since(60)";
    assertThat(expand(sql)).isEqualTo("/* outer /* inner */ p_occurs_since(bad) */ SELECT 1 WHERE " + SINCE_60);
  }

  @Test
  void leavesBackQuotedIdentifiersAlone() {
    String sql = "SELECT `p_occurs_since(60)`, `a``p_occurs_since(1)` FROM t";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void leavesQualifiedFunctionsOfTheSameNameAlone() {
    String sql = "SELECT udfs.p_occurs_since(60)";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void leavesColumnsOfTheSameNameAlone() {
    String sql = "SELECT p_occurs_since, my_p_occurs_since(60) FROM t";
    assertThat(expand(sql)).isEqualTo(sql);
  }

  @Test
  void allowsCommentsAndLineBreaksBetweenNameAndArguments() {
    assertThat(expand("P_OCCURS_SINCE /* an hour */\n  (\n 60 -- sixty ) seconds\n )")).isEqualTo(SINCE_60);
  }

  @Test
  void parenthesisInsideAStringArgumentDoesNotEndTheCall() {
    assertThat(expand("p_occurs_between('2024-01-01', '2024-01-02') AND note = ')'")).endsWith(" AND note = ')'");
  }

  @Test
  void macrosBackToBackAreAllExpanded() {
    assertThat(expand("p_occurs_since(60)p_occurs_since(60)")).isEqualTo(SINCE_60 + SINCE_60);
  }
}
