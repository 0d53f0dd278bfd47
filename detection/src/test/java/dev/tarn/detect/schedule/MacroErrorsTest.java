package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MacroErrorsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  private static MacroException failure(String sql) {
    return catchThrowableOfType(() -> PantherMacros.expand(sql, NOW), MacroException.class);
  }

  @Test
  void reportsMacroNameLineAndColumn() {
    MacroException e = failure("SELECT *\nFROM t\nWHERE  p_occurs_since('1 fortnight')");
    assertThat(e.macro()).isEqualTo("p_occurs_since");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e).hasMessageStartingWith("p_occurs_since at line 3, column 8: ");
  }

  @Test
  void countsWindowsLineEndingsAsOneLineBreak() {
    MacroException e = failure("SELECT *\r\nFROM t\r\nWHERE p_occurs_since(0)");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(7);
  }

  @Test
  void unknownOffsetUnitSaysWhatOffsetsLookLike() {
    assertThat(failure("p_occurs_since('1 fortnight')").problem())
        .startsWith("argument 1 ('1 fortnight') is not a time offset; expected a positive number of seconds")
        .contains("'30 minutes'");
  }

  @Test
  void zeroOffsetIsRejected() {
    assertThat(failure("p_occurs_since(0)").problem()).startsWith("argument 1 (0) is not a time offset");
  }

  @Test
  void negativeOffsetIsRejected() {
    assertThat(failure("p_occurs_since(-60)").problem()).startsWith("argument 1 (-60) is not a time offset");
  }

  @Test
  void fractionalOffsetIsRejected() {
    assertThat(failure("p_occurs_around('2024-01-01', '1.5 h')").problem())
        .startsWith("argument 2 ('1.5 h') is not a time offset");
  }

  @Test
  void impossibleDateIsRejected() {
    assertThat(failure("p_occurs_after('2024-02-30')").problem())
        .startsWith("argument 1 ('2024-02-30') is not a valid timestamp; expected a quoted UTC timestamp");
  }

  @Test
  void sqlExpressionAsTimestampIsRejectedWithTheReason() {
    assertThat(failure("p_occurs_between(current_date - 1, current_timestamp)").problem())
        .startsWith("argument 1 (current_date - 1) is not a quoted timestamp")
        .contains("SQL expressions such as current_timestamp are not supported");
  }

  @Test
  void argumentsWithNestedParenthesesAreSplitAtTopLevelCommas() {
    assertThat(failure("p_occurs_between(date_add(current_date(), -1), '2024-01-01')").problem())
        .startsWith("argument 1 (date_add(current_date(), -1)) is not a quoted timestamp");
  }

  @Test
  void startAfterEndIsRejected() {
    assertThat(failure("p_occurs_between('2024-01-02', '2024-01-01')").problem())
        .isEqualTo("startTime '2024-01-02' is after endTime '2024-01-01'; expected startTime <= endTime");
  }

  @Test
  void tooManyArgumentsShowTheSignature() {
    assertThat(failure("p_occurs_since('1d', t, p_event_time, extra)").problem())
        .isEqualTo("expected p_occurs_since(offset[, tableAlias[, column]]) but got 4 arguments");
  }

  @Test
  void tooFewArgumentsShowTheSignature() {
    assertThat(failure("p_occurs_between('2024-01-01')").problem())
        .isEqualTo("expected p_occurs_between(startTime, endTime[, tableAlias[, column]]) but got 1 argument");
  }

  @Test
  void noArgumentsAtAllIsAnError() {
    assertThat(failure("p_occurs_since()").problem())
        .isEqualTo("expected p_occurs_since(offset[, tableAlias[, column]]) but got 0 arguments");
  }

  @Test
  void emptyArgumentIsAnError() {
    assertThat(failure("p_occurs_since('1d', )").problem())
        .isEqualTo("argument 2 is empty; expected p_occurs_since(offset[, tableAlias[, column]])");
  }

  @Test
  void quotedTableAliasIsRejected() {
    assertThat(failure("p_occurs_since('1d', 't')").problem())
        .startsWith("argument 2 ('t') is not a table alias; expected an unquoted identifier");
  }

  @Test
  void unknownMacroListsTheKnownOnes() {
    MacroException e = failure("SELECT 1\n  WHERE p_occurs_within('1d')");
    assertThat(e).hasMessage("p_occurs_within at line 2, column 9: unknown macro; expected one of p_occurs_since,"
        + " p_occurs_between, p_occurs_around, p_occurs_after, p_occurs_before");
  }

  @Test
  void unterminatedCallIsAnError() {
    assertThat(failure("WHERE p_occurs_since('1d' AND x = 1").problem())
        .isEqualTo("missing closing parenthesis; expected p_occurs_since(...)");
  }

  @Test
  void windowBeyondYearOneIsRejected() {
    assertThat(failure("p_occurs_since('200000 weeks')").problem())
        .isEqualTo("the time window falls outside the years 1 to 9999; expected a smaller offset or timestamp");
  }

  @Test
  void offsetBeyondTheRangeOfTimeIsRejected() {
    assertThatThrownBy(() -> PantherMacros.expand("p_occurs_since('99999999999 weeks')", NOW))
        .isInstanceOf(MacroException.class)
        .hasMessageContaining("is too large");
  }
}
